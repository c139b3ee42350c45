package org.manyi.cases.internal;

import java.util.Optional;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.identity.Users;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.events.SurveyAnswered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The closed loop from surveys: a detractor (NPS 0–6) or a dissatisfied CSAT answer (1–2) of a
 * known customer opens a recovery case assigned to the customer's owner, under the ordinary
 * deadlines (acknowledge and first contact). One case per response, even if the event comes twice.
 */
@Component
class SurveyRecovery {

  static final int NPS_DETRACTOR_MAX = 6;
  static final int CSAT_DISSATISFIED_MAX = 2;

  private final CaseManagement management;
  private final Customers customers;
  private final Users users;
  private final JdbcClient jdbc;

  SurveyRecovery(CaseManagement management, Customers customers, Users users, JdbcClient jdbc) {
    this.management = management;
    this.customers = customers;
    this.users = users;
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(SurveyAnswered answer) {
    if (answer.customerId() == null) {
      return;
    }
    Optional<SurveyAnswered.Score> unhappy =
        answer.scores().stream()
            .filter(
                s ->
                    s.type() == QuestionType.NPS && s.value() <= NPS_DETRACTOR_MAX
                        || s.type() == QuestionType.CSAT && s.value() <= CSAT_DISSATISFIED_MAX)
            .findFirst();
    Optional<CustomerSummary> customer = customers.find(new CustomerId(answer.customerId()));
    if (unhappy.isEmpty() || customer.isEmpty() || customer.get().ownerId() == null) {
      return;
    }
    if (users.find(customer.get().ownerId()).isEmpty() || !claim(answer.responseId())) {
      return;
    }
    SurveyAnswered.Score score = unhappy.get();
    String description =
        "调查回答不满意：%s %d（答卷 %s）。请联系客户了解原因并挽回。\nDissatisfied survey answer: %s %d (response %s). Contact the customer to learn why and recover."
            .formatted(
                score.type(),
                score.value(),
                answer.responseId(),
                score.type(),
                score.value(),
                answer.responseId());
    users
        .find(customer.get().ownerId())
        .ifPresent(owner -> management.openRecovery(customer.get().id(), owner, description));
  }

  /** Records the response as handled; false when an earlier delivery of the event did. */
  private boolean claim(UUID response) {
    try {
      return jdbc.sql("INSERT INTO case_survey_recovery (response_id) VALUES (?)")
              .param(response)
              .update()
          == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
