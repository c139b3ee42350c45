package org.manyi.surveys.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.SurveyId;

/**
 * A response was submitted. Carries the scored answers so that listeners (recovery cases for
 * detractors, analytics) need not read the survey.
 *
 * @param customerId the customer, when the response came through a personal invitation
 */
public record SurveyAnswered(
    SurveyId surveyId,
    UUID responseId,
    @Nullable UUID customerId,
    Instant answeredAt,
    List<Score> scores) {

  public SurveyAnswered {
    scores = List.copyOf(scores);
  }

  /** One scored answer. */
  public record Score(String questionKey, QuestionType type, int value) {}
}
