package org.manyi.customers;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which customers another module wants, such as the segment of a survey campaign. Absent fields do
 * not restrict; {@code stages} matches any of the given stages; the created range is in whole days
 * (UTC), {@code createdTo} inclusive.
 */
public record CustomerSelection(
    @Nullable Set<LifecycleStage> stages,
    @Nullable String city,
    @Nullable UUID ownerId,
    @Nullable UUID teamId,
    @Nullable LocalDate createdFrom,
    @Nullable LocalDate createdTo) {

  public CustomerSelection {
    stages = stages == null ? Set.of() : Set.copyOf(stages);
    city = city == null || city.isBlank() ? null : city.strip();
  }

  public static CustomerSelection everyone() {
    return new CustomerSelection(null, null, null, null, null, null);
  }
}
