package org.manyi.interactions.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;

/**
 * Filters of the interaction list; every one is optional.
 *
 * @param q words in the subject, notes or outcome
 * @param from first day (inclusive, in the business time zone)
 * @param to last day (inclusive)
 */
public record InteractionFilter(
    @Nullable String q,
    @Nullable Channel channel,
    @Nullable Direction direction,
    @Nullable UUID customer,
    @Nullable UUID loggedBy,
    @Nullable LocalDate from,
    @Nullable LocalDate to) {

  public static InteractionFilter none() {
    return new InteractionFilter(null, null, null, null, null, null, null);
  }

  public boolean isEmpty() {
    return q == null
        && channel == null
        && direction == null
        && customer == null
        && loggedBy == null
        && from == null
        && to == null;
  }
}
