package org.manyi.cases.internal;

import org.manyi.cases.events.CaseClosed;
import org.manyi.surveys.SurveyTriggers;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Closing a customer's case sets off the surveys triggered by closed cases (post-case survey). */
@Component
class PostCaseSurvey {

  private final SurveyTriggers triggers;

  PostCaseSurvey(SurveyTriggers triggers) {
    this.triggers = triggers;
  }

  @ApplicationModuleListener
  void on(CaseClosed closed) {
    if (closed.customerId() != null) {
      triggers.caseClosed(closed.customerId().value(), closed.at());
    }
  }
}
