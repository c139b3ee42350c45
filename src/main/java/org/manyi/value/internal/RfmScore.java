package org.manyi.value.internal;

import java.math.BigDecimal;
import org.manyi.customers.CustomerId;

/**
 * One customer's RFM as of a date.
 *
 * @param recencyDays days from the last purchase in the window to the as-of date
 * @param frequency purchases in the window (purchases on the same day count once per order)
 * @param monetary spend in the window, net of refunds
 * @param r the recency score, 1–5 (5 = most recent)
 */
public record RfmScore(
    CustomerId customer,
    long recencyDays,
    int frequency,
    BigDecimal monetary,
    int r,
    int f,
    int m,
    RfmSegment segment) {}
