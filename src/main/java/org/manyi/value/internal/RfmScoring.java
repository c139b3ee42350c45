package org.manyi.value.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.manyi.customers.CustomerId;

/**
 * Quintile scores: customers are ranked on each measure and split into five groups of (nearly)
 * equal size, 5 the best. Equal values are ordered by customer ID, so every run on the same data
 * gives the same scores, and customers with equal values may fall in neighbouring quintiles.
 */
final class RfmScoring {

  /** A customer's raw measures. */
  record Measures(CustomerId customer, long recencyDays, int frequency, BigDecimal monetary) {}

  private RfmScoring() {}

  static List<RfmScore> score(List<Measures> customers) {
    int n = customers.size();
    int[] r = new int[n];
    int[] f = new int[n];
    int[] m = new int[n];
    Comparator<Integer> byId = Comparator.comparing(i -> customers.get(i).customer().value());
    // recency: fewer days is better, so the largest recency gets rank 0 (score 1)
    assign(
        r,
        Comparator.<Integer>comparingLong(i -> -customers.get(i).recencyDays())
            .thenComparing(byId));
    assign(
        f, Comparator.<Integer>comparingInt(i -> customers.get(i).frequency()).thenComparing(byId));
    assign(
        m,
        Comparator.<Integer, BigDecimal>comparing(i -> customers.get(i).monetary())
            .thenComparing(byId));
    List<RfmScore> scores = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Measures c = customers.get(i);
      scores.add(
          new RfmScore(
              c.customer(),
              c.recencyDays(),
              c.frequency(),
              c.monetary(),
              r[i],
              f[i],
              m[i],
              RfmSegment.of(r[i], f[i], m[i])));
    }
    return scores;
  }

  /** Quintile of each customer's rank in ascending order of the comparator (worst first). */
  private static void assign(int[] scores, Comparator<Integer> worstFirst) {
    int n = scores.length;
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(worstFirst);
    for (int rank = 0; rank < n; rank++) {
      scores[order.get(rank)] = (int) ((long) rank * 5 / n) + 1;
    }
  }
}
