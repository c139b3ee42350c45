package org.manyi.value.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;

/**
 * A customer's defection: opened when the customer was lost or interviewed, recorded once someone
 * said where the customer went and why, closed when the customer was won back.
 *
 * @param kind absent until recorded
 * @param segment the customer's RFM segment when the defection was opened, if scored
 * @param stage the customer's lifecycle stage when the defection was opened
 * @param pastValue what the customer had spent with us when the defection was opened
 */
public record Defection(
    UUID id,
    CustomerId customer,
    DefectionSource source,
    @Nullable DefectionKind kind,
    List<String> reasons,
    @Nullable String competitor,
    @Nullable String notes,
    @Nullable String segment,
    String stage,
    BigDecimal pastValue,
    LocalDate defectedOn,
    Instant openedAt,
    @Nullable Instant recordedAt,
    @Nullable String recordedBy,
    @Nullable Instant wonBackAt) {

  public Defection {
    reasons = List.copyOf(reasons);
  }

  public boolean recorded() {
    return recordedAt != null;
  }
}
