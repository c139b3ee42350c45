package org.manyi.customers.internal;

import org.jspecify.annotations.Nullable;
import org.manyi.identity.TeamId;
import org.manyi.platform.ProblemException;

/**
 * The public pool rule of a team, or the default one when {@code team} is null.
 *
 * @param returnAfterDays customers without follow-up for this many days return to the pool; null
 *     turns returning off
 * @param claimsPerDay how many pool customers one agent may claim per day
 */
public record PoolRule(@Nullable TeamId team, @Nullable Integer returnAfterDays, int claimsPerDay) {

  public PoolRule {
    if (returnAfterDays != null && (returnAfterDays < 1 || returnAfterDays > 3650)) {
      throw ProblemException.invalid("returnAfterDays", "customer.pool.days.range");
    }
    if (claimsPerDay < 0 || claimsPerDay > 10_000) {
      throw ProblemException.invalid("claimsPerDay", "customer.pool.limit.range");
    }
  }
}
