package org.manyi.clv;

/**
 * One customer's discounted lifetime value over a horizon.
 *
 * @param customerId the customer
 * @param value discounted expected revenue over the horizon
 * @param expectedPurchases undiscounted expected purchases over the whole horizon
 * @param expectedAverageValue expected value per purchase (Gamma-Gamma)
 * @param modelVersion versions of the purchase and spend models that produced it
 */
public record ClvEstimate(
    String customerId,
    double value,
    double expectedPurchases,
    double expectedAverageValue,
    String modelVersion) {}
