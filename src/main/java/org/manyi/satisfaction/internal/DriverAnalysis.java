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
      String construct,
      double importance,
      @Nullable Double performance,
      @Nullable Quadrant quadrant) {}

  /**
   * One survey item as a driver of the target.
   *
   * @param importance the construct's total effect on the target times the item's share of its
   *     block's outer weights
   * @param performance the item's mean on 0–100
   * @param quadrant null when performance is unknown
   */
  public record ItemDriver(
      String construct,
      String item,
      double importance,
      @Nullable Double performance,
      @Nullable Quadrant quadrant) {}

  private DriverAnalysis() {}

  /**
   * The same matrix at item level, so that a manager sees which question to act on; most important
   * first.
   */
  public static List<ItemDriver> items(EstimateResult result, ModelSpec spec, String target) {
    List<ItemDriver> raw = new ArrayList<>();
    for (Driver driver : drivers(result, target)) {
      ConstructSpec construct =
          spec.constructs().stream()
              .filter(c -> c.name().equals(driver.construct()))
              .findFirst()
              .orElse(null);
      if (construct == null) {
        continue;
      }
      double weightSum =
          construct.items().stream()
              .mapToDouble(i -> Math.abs(result.outerWeights().getOrDefault(i, 0.0)))
              .sum();
      for (String item : construct.items()) {
        double share =
            weightSum == 0 ? 0 : result.outerWeights().getOrDefault(item, 0.0) / weightSum;
        raw.add(
            new ItemDriver(
                construct.name(),
                item,
                driver.importance() * share,
                result.itemIndex().get(item),
                null));
      }
    }
    double meanImportance = raw.stream().mapToDouble(ItemDriver::importance).average().orElse(0);
    double meanPerformance =
        raw.stream()
            .map(ItemDriver::performance)
            .filter(v -> v != null)
            .mapToDouble(Double::doubleValue)
            .average()
            .orElse(0);
    List<ItemDriver> items = new ArrayList<>();
    for (ItemDriver d : raw) {
      items.add(
          new ItemDriver(
              d.construct(),
              d.item(),
              d.importance(),
              d.performance(),
              quadrant(d.importance(), d.performance(), meanImportance, meanPerformance)));
    }
    items.sort(Comparator.comparingDouble(ItemDriver::importance).reversed());
    return List.copyOf(items);
  }

  private static @Nullable Quadrant quadrant(
      double importance,
      @Nullable Double performance,
      double meanImportance,
      double meanPerformance) {
    if (performance == null) {
      return null;
    }
    boolean important = importance >= meanImportance;
    boolean performing = performance >= meanPerformance;
    if (important) {
      return performing ? Quadrant.KEEP_UP_THE_GOOD_WORK : Quadrant.CONCENTRATE_HERE;
    }
    return performing ? Quadrant.POSSIBLE_OVERKILL : Quadrant.LOW_PRIORITY;
  }

  /** Drivers of {@code target}, most important first; empty when nothing leads to it. */
  public static List<Driver> drivers(EstimateResult result, String target) {
    List<Effect> effects = result.effects().stream().filter(e -> e.to().equals(target)).toList();
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
      Quadrant quadrant = quadrant(effect.total(), performance, meanImportance, meanPerformance);
      drivers.add(new Driver(effect.from(), effect.total(), performance, quadrant));
    }
    drivers.sort(Comparator.comparingDouble(Driver::importance).reversed());
    return List.copyOf(drivers);
  }
}
