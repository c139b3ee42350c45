package org.manyi.satisfaction.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.manyi.satisfaction.internal.EstimateResult;
import org.manyi.satisfaction.internal.ModelRun;

/**
 * Two runs of one model side by side (period over period): index, R² and path coefficients with
 * their change. Runs of different model versions are compared on what they share. When both runs
 * were bootstrapped, an index change carries the standard error of the difference of two
 * independent samples, sqrt(se_a² + se_b²), so the page can say whether it is more than noise.
 */
record Comparison(List<Row> index, List<Row> rSquared, List<Row> paths) {

  /**
   * One figure in both runs; a side is null when that run lacks it.
   *
   * @param deltaSe standard error of the change, null without bootstrap in both runs
   */
  record Row(String name, @Nullable Double a, @Nullable Double b, @Nullable Double deltaSe) {

    Row(String name, @Nullable Double a, @Nullable Double b) {
      this(name, a, b, null);
    }

    public @Nullable Double delta() {
      return a == null || b == null ? null : b - a;
    }

    /** Whether the change exceeds 1.96 standard errors; null when there is no error to judge by. */
    public @Nullable Boolean significant() {
      Double delta = delta();
      return delta == null || deltaSe == null ? null : Math.abs(delta) > 1.96 * deltaSe;
    }
  }

  static Comparison of(ModelRun first, ModelRun second) {
    EstimateResult a = first.result();
    EstimateResult b = second.result();
    if (a == null || b == null) {
      return new Comparison(List.of(), List.of(), List.of());
    }
    List<Row> index = new ArrayList<>();
    for (Row row : rows(a.index(), b.index())) {
      Double seA = standardError(a, row.name());
      Double seB = standardError(b, row.name());
      index.add(
          new Row(
              row.name(),
              row.a(),
              row.b(),
              seA == null || seB == null ? null : Math.sqrt(seA * seA + seB * seB)));
    }
    return new Comparison(
        List.copyOf(index), rows(a.rSquared(), b.rSquared()), rows(paths(a), paths(b)));
  }

  private static @Nullable Double standardError(EstimateResult r, String construct) {
    EstimateResult.Interval interval = r.indexInterval(construct);
    return interval == null ? null : interval.standardError();
  }

  private static Map<String, Double> paths(EstimateResult r) {
    Map<String, Double> paths = new java.util.LinkedHashMap<>();
    r.pathCoefficients().forEach(p -> paths.put(p.from() + " → " + p.to(), p.estimate()));
    return paths;
  }

  private static List<Row> rows(Map<String, Double> a, Map<String, Double> b) {
    Set<String> names = new LinkedHashSet<>(a.keySet());
    names.addAll(b.keySet());
    List<Row> rows = new ArrayList<>();
    names.forEach(n -> rows.add(new Row(n, a.get(n), b.get(n))));
    return rows;
  }
}
