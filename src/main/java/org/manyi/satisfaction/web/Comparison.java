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
 * their change. Runs of different model versions are compared on what they share.
 */
record Comparison(List<Row> index, List<Row> rSquared, List<Row> paths) {

  /** One figure in both runs; a side is null when that run lacks it. */
  record Row(String name, @Nullable Double a, @Nullable Double b) {

    public @Nullable Double delta() {
      return a == null || b == null ? null : b - a;
    }
  }

  static Comparison of(ModelRun first, ModelRun second) {
    EstimateResult a = first.result();
    EstimateResult b = second.result();
    if (a == null || b == null) {
      return new Comparison(List.of(), List.of(), List.of());
    }
    return new Comparison(
        rows(a.index(), b.index()), rows(a.rSquared(), b.rSquared()), rows(paths(a), paths(b)));
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
