package org.manyi.pls;

/**
 * Bootstrap distribution summary of one parameter.
 *
 * @param original the estimate on the full data
 * @param mean mean over the successful resamples
 * @param standardError standard deviation over the resamples (n − 1 denominator)
 * @param low 2.5% percentile
 * @param high 97.5% percentile
 */
public record BootstrapEstimate(
    double original, double mean, double standardError, double low, double high) {}
