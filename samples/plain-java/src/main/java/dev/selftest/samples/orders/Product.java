package dev.selftest.samples.orders;

/** A product of the catalogue. */
public record Product(long id, String name, long priceCents) {
}
