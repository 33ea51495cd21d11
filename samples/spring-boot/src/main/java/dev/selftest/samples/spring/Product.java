package dev.selftest.samples.spring;

/** A product of the catalogue. */
public record Product(long id, String name, long priceCents) {
}
