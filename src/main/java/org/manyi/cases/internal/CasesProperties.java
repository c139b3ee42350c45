package org.manyi.cases.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case settings, bound from {@code manyi.cases.*}.
 *
 * @param sla deadlines per priority, such as {@code manyi.cases.sla.P1.resolution=24h}; priorities
 *     left out keep the defaults (P1 1h/4h/24h, P2 2h/8h/48h, P3 4h/24h/120h, P4 8h/48h/240h)
 * @param dueSoonShare a deadline is "due soon" when less than this share of its target is left
 * @param reopenWindow how long after closure a case may be reopened under the same number
 * @param checkDelay how often the deadline check runs
 */
@ConfigurationProperties("manyi.cases")
public record CasesProperties(
    @Nullable Map<Priority, SlaTarget> sla,
    @DefaultValue("0.2") double dueSoonShare,
    @DefaultValue("30d") Duration reopenWindow,
    @DefaultValue("60s") Duration checkDelay) {

  public CasesProperties {
    Map<Priority, SlaTarget> merged = new EnumMap<>(defaults());
    if (sla != null) {
      // a setting may name one deadline of a priority; the others keep their defaults
      sla.forEach(
          (priority, set) -> {
            SlaTarget d = merged.get(priority);
            merged.put(
                priority,
                new SlaTarget(
                    or(set.acknowledge(), d.acknowledge()),
                    or(set.response(), d.response()),
                    or(set.resolution(), d.resolution())));
          });
    }
    sla = Map.copyOf(merged);
  }

  /** The defaults, as used by tests and when nothing is configured. */
  public static CasesProperties defaultSettings() {
    return new CasesProperties(null, 0.2, Duration.ofDays(30), Duration.ofSeconds(60));
  }

  public SlaTarget target(Priority priority) {
    return java.util.Objects.requireNonNull(sla).get(priority);
  }

  @SuppressWarnings("ConstantValue")
  private static Duration or(@Nullable Duration value, Duration otherwise) {
    return value == null ? otherwise : value;
  }

  private static Map<Priority, SlaTarget> defaults() {
    Map<Priority, SlaTarget> map = new EnumMap<>(Priority.class);
    map.put(Priority.P1, target(1, 4, 24));
    map.put(Priority.P2, target(2, 8, 48));
    map.put(Priority.P3, target(4, 24, 120));
    map.put(Priority.P4, target(8, 48, 240));
    return map;
  }

  private static SlaTarget target(int ack, int response, int resolution) {
    return new SlaTarget(
        Duration.ofHours(ack), Duration.ofHours(response), Duration.ofHours(resolution));
  }
}
