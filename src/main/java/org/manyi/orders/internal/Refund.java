package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Money given back on an order. */
public record Refund(Instant at, BigDecimal amount, @Nullable String reason) {}
