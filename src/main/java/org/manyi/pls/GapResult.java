package org.manyi.pls;

import org.jspecify.annotations.Nullable;

/**
 * Expectation–disconfirmation gap of one attribute.
 *
 * @param attribute the attribute's name
 * @param n respondents with both answers
 * @param meanGap mean of perceived − expected; negative means expectations were not met
 * @param ciLow lower bound of the 95% t interval, null with fewer than two respondents
 * @param ciHigh upper bound of the 95% t interval, null with fewer than two respondents
 */
public record GapResult(
    String attribute, int n, double meanGap, @Nullable Double ciLow, @Nullable Double ciHigh) {}
