package org.manyi.clv.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.manyi.clv.CustomerSummary;

/**
 * Customers with identical (x, t_x, T) collapsed into weighted groups, in primitive arrays so that
 * likelihood evaluations are tight loops. With daily data a large customer base has far fewer
 * distinct triples than customers, and each triple's likelihood is computed once per evaluation.
 */
public final class RfGroups {

  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] weight;
  private final int maxX;
  private final double totalWeight;

  private RfGroups(int[] x, double[] tx, double[] age, double[] weight) {
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.weight = weight;
    int m = 0;
    double w = 0;
    for (int i = 0; i < x.length; i++) {
      m = Math.max(m, x[i]);
      w += weight[i];
    }
    this.maxX = m;
    this.totalWeight = w;
  }

  private record Key(int x, double tx, double age) {}

  /**
   * Groups the summaries.
   *
   * @throws IllegalArgumentException when there are no customers
   */
  public static RfGroups of(Collection<CustomerSummary> customers) {
    if (customers.isEmpty()) {
      throw new IllegalArgumentException("no customers to fit");
    }
    Map<Key, int[]> counts = new HashMap<>();
    for (CustomerSummary c : customers) {
      counts.computeIfAbsent(new Key(c.frequency(), c.recency(), c.age()), k -> new int[1])[0]++;
    }
    int n = counts.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] weight = new double[n];
    int i = 0;
    for (Map.Entry<Key, int[]> e : counts.entrySet()) {
      x[i] = e.getKey().x();
      tx[i] = e.getKey().tx();
      age[i] = e.getKey().age();
      weight[i] = e.getValue()[0];
      i++;
    }
    return new RfGroups(x, tx, age, weight);
  }

  public int size() {
    return x.length;
  }

  public int x(int i) {
    return x[i];
  }

  public double tx(int i) {
    return tx[i];
  }

  public double age(int i) {
    return age[i];
  }

  public double weight(int i) {
    return weight[i];
  }

  public int maxX() {
    return maxX;
  }

  public double totalWeight() {
    return totalWeight;
  }

  /** Weighted mean of x. */
  public double meanX() {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += weight[i] * x[i];
    }
    return s / totalWeight;
  }

  /** Weighted mean of T. */
  public double meanAge() {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += weight[i] * age[i];
    }
    return s / totalWeight;
  }
}
