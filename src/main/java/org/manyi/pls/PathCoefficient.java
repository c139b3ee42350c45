package org.manyi.pls;

import org.jspecify.annotations.Nullable;

/**
 * One inner-model path.
 *
 * @param from predecessor construct
 * @param to successor construct
 * @param estimate standardised OLS coefficient of {@code to} on all its predecessors
 * @param standardError bootstrap standard error, null without bootstrap
 * @param ciLow lower bound of the 95% bootstrap percentile interval, null without bootstrap
 * @param ciHigh upper bound of the 95% bootstrap percentile interval, null without bootstrap
 */
public record PathCoefficient(
    String from,
    String to,
    double estimate,
    @Nullable Double standardError,
    @Nullable Double ciLow,
    @Nullable Double ciHigh) {}
