package dev.selftest.samples.spring;

import java.time.Instant;

/** An order of one product. */
public record Order(long id, String customer, long productId, int quantity, String status, Instant createdAt) {
    public static final String PLACED = "PLACED";
    public static final String CANCELLED = "CANCELLED";
}
