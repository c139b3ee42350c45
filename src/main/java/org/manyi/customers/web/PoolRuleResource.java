package org.manyi.customers.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.PoolRule;
import org.manyi.identity.TeamId;
import org.manyi.platform.ProblemException;

/**
 * A pool rule as the API takes and shows it.
 *
 * @param teamId the team, or absent for the default rule
 */
record PoolRuleResource(
    @Nullable UUID teamId, @Nullable Integer returnAfterDays, @Nullable Integer claimsPerDay) {

  PoolRule rule() {
    if (claimsPerDay == null) {
      throw ProblemException.invalid("claimsPerDay", "customer.pool.limit.range");
    }
    return new PoolRule(teamId == null ? null : new TeamId(teamId), returnAfterDays, claimsPerDay);
  }

  static PoolRuleResource of(PoolRule rule) {
    return new PoolRuleResource(
        rule.team() == null ? null : rule.team().value(),
        rule.returnAfterDays(),
        rule.claimsPerDay());
  }
}
