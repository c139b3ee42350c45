package org.manyi.customers.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;

/**
 * The filters of the customer list; null means "any".
 *
 * @param q a name (characters, pinyin or initials), a phone number or its last four digits, an
 *     email address or an external ID
 * @param createdFrom first day of the created range, inclusive (UTC)
 * @param createdTo last day of the created range, inclusive (UTC)
 */
public record CustomerFilter(
    @Nullable String q,
    @Nullable LifecycleStage stage,
    @Nullable String tag,
    @Nullable UUID owner,
    @Nullable UUID team,
    @Nullable String city,
    @Nullable SourceChannel source,
    @Nullable LocalDate createdFrom,
    @Nullable LocalDate createdTo,
    @Nullable String field,
    @Nullable String fieldValue) {

  public static CustomerFilter none() {
    return new CustomerFilter(null, null, null, null, null, null, null, null, null, null, null);
  }
}
