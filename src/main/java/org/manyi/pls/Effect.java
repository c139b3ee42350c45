package org.manyi.pls;

/**
 * Influence of one construct on another through the inner model.
 *
 * @param from the influencing construct
 * @param to the influenced construct
 * @param direct the path coefficient, 0 when there is no direct path
 * @param indirect the sum over all longer routes of the product of their coefficients
 * @param total {@code direct + indirect}
 */
public record Effect(String from, String to, double direct, double indirect, double total) {}
