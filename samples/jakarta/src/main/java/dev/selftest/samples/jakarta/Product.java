package dev.selftest.samples.jakarta;

/** A product of the catalogue. */
public record Product(long id, String name, long priceCents) {
}
