package org.manyi.surveys;

import java.time.Instant;
import java.util.UUID;

/**
 * What other modules report so that surveys with an automatic trigger invite the customer. Orders
 * are heard through their event; modules that the surveys module must not depend on (cases, which
 * listens to survey answers) call this.
 */
public interface SurveyTriggers {

  /** A customer's case was closed at {@code closedAt}. */
  void caseClosed(UUID customerId, Instant closedAt);
}
