package org.manyi.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rough timing of BG/NBD + Gamma-Gamma on a synthetic base of 1,000,000 customers with daily data.
 * Not a timed assertion: a benchmark (bench/run) that prints the timings.
 */
@Tag("benchmark")
class SyntheticBenchmarkTests {

  private static final int CUSTOMERS = 1_000_000;
  private static final int MAX_AGE_DAYS = 730;

  @Test
  void fitsBgNbdAndGammaGammaOnAMillionSimulatedCustomers() {
    List<CustomerSummary> base = simulate();
    long g0 = System.nanoTime();
    org.manyi.clv.internal.RfGroups groups = org.manyi.clv.internal.RfGroups.of(base);
    long g1 = System.nanoTime();
    for (int k = 0; k < 20; k++) {
      org.manyi.clv.internal.BetaGeometricNbd.logLikelihood(groups, 0.25, 10, 0.8, 2.5, false);
    }
    long g2 = System.nanoTime();
    System.out.printf(
        "groups %d (grouping %.2f s), one evaluation %.1f ms%n",
        groups.size(), (g1 - g0) / 1e9, (g2 - g1) / 20e6);
    long t0 = System.nanoTime();
    BgNbdModel bg = BgNbdModel.fit(base);
    long t1 = System.nanoTime();
    GammaGammaModel gg = GammaGammaModel.fit(base);
    long t2 = System.nanoTime();
    System.out.printf(
        "1M customers: BG/NBD %.2f s %s (true r=0.25 alpha=10 a=0.8 b=2.5); Gamma-Gamma %.2f s"
            + " p=%.3f q=%.3f gamma=%.3f (true 6, 4, 15)%n",
        (t1 - t0) / 1e9, bg.parameters(), (t2 - t1) / 1e9, gg.p(), gg.q(), gg.gamma());
  }

  /** BG/NBD purchases on whole days and Gamma-Gamma spend, from fixed seeds. */
  private static List<CustomerSummary> simulate() {
    SplittableRandom random = new SplittableRandom(7);
    List<CustomerSummary> out = new ArrayList<>(CUSTOMERS);
    for (int i = 0; i < CUSTOMERS; i++) {
      int age = 1 + random.nextInt(MAX_AGE_DAYS);
      double lambda = gamma(random, 0.25) / 10.0;
      double g1 = gamma(random, 0.8);
      double p = g1 / (g1 + gamma(random, 2.5));
      double nu = gamma(random, 4) / 15.0;
      double t = 0;
      int x = 0;
      double last = 0;
      double spend = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / lambda;
        if (t > age) {
          break;
        }
        double day = Math.floor(t);
        if (day > last || x == 0 && day > 0) {
          x++;
          last = day;
          // Gamma(6, nu) transaction value as a sum of exponentials
          double v = 0;
          for (int k = 0; k < 6; k++) {
            v += -Math.log(1 - random.nextDouble()) / nu;
          }
          spend += v;
        }
        if (random.nextDouble() < p) {
          break;
        }
      }
      out.add(
          new CustomerSummary(Integer.toString(i), x, last, age, x == 0 ? 0 : spend / x, 1, 0, 0));
    }
    return out;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang, with the shape-boost for shape < 1. */
  private static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(random);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
