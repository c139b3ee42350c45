package org.manyi.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.TeamId;

/**
 * Sends matching cases to a team queue. A condition left out matches anything; the active rule with
 * the lowest position that matches wins.
 *
 * @param category a category code of the taxonomy
 * @param stage the customer's lifecycle stage; a rule with a stage never matches an unidentified
 *     contact
 */
public record RoutingRule(
    UUID id,
    int position,
    @Nullable String category,
    @Nullable CaseChannel channel,
    @Nullable LifecycleStage stage,
    TeamId team,
    AssignmentStrategy strategy,
    boolean active) {

  /** Whether the rule applies to a case of this category, channel and customer stage. */
  public boolean matches(
      @Nullable String caseCategory, CaseChannel caseChannel, @Nullable LifecycleStage caseStage) {
    return active
        && (category == null || category.equals(caseCategory))
        && (channel == null || channel == caseChannel)
        && (stage == null || stage == caseStage);
  }

  /** The rule as the case history names it. */
  String describe() {
    return "rule "
        + position
        + " ("
        + (category == null ? "*" : category)
        + " / "
        + (channel == null ? "*" : channel.name())
        + " / "
        + (stage == null ? "*" : stage.name())
        + ") · "
        + strategy;
  }
}
