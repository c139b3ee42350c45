package org.manyi.cases.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Approval thresholds of remedies, bound from {@code manyi.cases.approval.*}: a remedy whose value
 * is above its threshold needs a supervisor's approval before the customer is told, and a remedy
 * with a threshold must state its value.
 *
 * @param thresholds per remedy, such as {@code manyi.cases.approval.thresholds.REFUND=500} (yuan;
 *     points for {@code POINTS}); remedies left out keep the defaults (REFUND 500, REPLACE 1000,
 *     REPAIR 1000, POINTS 5000); apology and explanation have no value and need no approval
 */
@ConfigurationProperties("manyi.cases.approval")
public record RemedyApprovalProperties(@Nullable Map<Remedy, BigDecimal> thresholds) {

  public RemedyApprovalProperties {
    Map<Remedy, BigDecimal> merged = new EnumMap<>(Remedy.class);
    merged.put(Remedy.REFUND, new BigDecimal("500"));
    merged.put(Remedy.REPLACE, new BigDecimal("1000"));
    merged.put(Remedy.REPAIR, new BigDecimal("1000"));
    merged.put(Remedy.POINTS, new BigDecimal("5000"));
    if (thresholds != null) {
      merged.putAll(thresholds);
    }
    thresholds = Map.copyOf(merged);
  }

  /** The threshold of a remedy; absent when it has no value to judge. */
  public @Nullable BigDecimal threshold(Remedy remedy) {
    return java.util.Objects.requireNonNull(thresholds).get(remedy);
  }
}
