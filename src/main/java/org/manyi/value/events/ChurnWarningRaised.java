package org.manyi.value.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.manyi.customers.CustomerId;

/**
 * A customer started to look like leaving, fully or partly; the owner should call.
 *
 * @param reasons codes such as {@code SPEND_DROP} (partial defection) or {@code OVERDUE}
 * @param valueAtRisk the yearly spend at stake
 */
public record ChurnWarningRaised(
    UUID warningId, CustomerId customer, List<String> reasons, BigDecimal valueAtRisk, Instant at) {

  public ChurnWarningRaised {
    reasons = List.copyOf(reasons);
  }
}
