package org.manyi.satisfaction.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.pls.Effect;

/**
 * Importance–performance analysis of an estimate: importance is a driver's total effect on the
 * target construct (usually satisfaction), performance its 0–100 index.
 */
public final class DriverAnalysis {

  /**
   * One driver of the target.
   *
   * @param importance total effect on the target
   * @param performance 0–100 index, null when the construct has none (a negative weight or no
   *     scale)
   * @param quadrant null when performance is unknown
   */
  public record Driver(
      String construct, double importance, @Nullable Double performance, @Nullable Quadrant quadrant) {}

  private DriverAnalysis() {}

  /** Drivers of {@code target}, most important first; empty when nothing leads to it. */
  public static List<Driver> drivers(EstimateResult result, String target) {
    List<Effect> effects =
        result.effects().stream().filter(e -> e.to().equals(target)).toList();
    double meanImportance = effects.stream().mapToDouble(Effect::total).average().orElse(0);
    double meanPerformance =
        effects.stream()
            .map(e -> result.index().get(e.from()))
            .filter(v -> v != null)
            .mapToDouble(Double::doubleValue)
            .average()
            .orElse(0);
    List<Driver> drivers = new ArrayList<>();
    for (Effect effect : effects) {
      Double performance = result.index().get(effect.from());
      Quadrant quadrant = null;
      if (performance != null) {
        boolean important = effect.total() >= meanImportance;
        boolean performing = performance >= meanPerformance;
        if (important) {
          quadrant = performing ? Quadrant.KEEP_UP_THE_GOOD_WORK : Quadrant.CONCENTRATE_HERE;
        } else {
          quadrant = performing ? Quadrant.POSSIBLE_OVERKILL : Quadrant.LOW_PRIORITY;
        }
      }
      drivers.add(new Driver(effect.from(), effect.total(), performance, quadrant));
    }
    drivers.sort(Comparator.comparingDouble(Driver::importance).reversed());
    return List.copyOf(drivers);
  }
}
