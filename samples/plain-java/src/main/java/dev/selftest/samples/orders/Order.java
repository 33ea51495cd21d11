package dev.selftest.samples.orders;

import java.time.Instant;

/** A placed order. {@code status} is {@code PLACED} or {@code CANCELLED}. */
public record Order(long id, String customer, long productId, int quantity, String status, Instant createdAt) {
}
