package dev.selftest.samples.jakarta;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /orders}. */
public record OrderRequest(@Nullable String customer, long productId, int quantity) {
}
