package dev.selftest.samples.jakarta;

import java.time.Instant;

/** An order as stored; {@code status} is {@code PLACED} or {@code CANCELLED}. */
public record Order(long id, String customer, long productId, int quantity, String status, Instant createdAt) {
}
