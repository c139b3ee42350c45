package org.manyi.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;

/** Item-level answers of surveys for analyses in other modules (index models, drivers). */
public interface SurveyData {

  /** A survey that has scored items. */
  record SurveyRef(SurveyId id, String name, long responses) {}

  /** Surveys with scored items, newest change first. */
  List<SurveyRef> scoredSurveys();

  /**
   * The scored answers as CSV: a header of item keys (question keys; {@code key.row} for Likert
   * rows), one row per response submitted in the period (days in the company's time zone, bounds
   * included), an empty cell where the item was not answered.
   *
   * @throws org.manyi.platform.ProblemException 404 for an unknown survey
   */
  String itemScoresCsv(SurveyId survey, @Nullable LocalDate from, @Nullable LocalDate to);

  /**
   * As {@link #itemScoresCsv(SurveyId, LocalDate, LocalDate)}, restricted to the responses of known
   * customers that {@code respondents} accepts (a customer segment); anonymous responses are left
   * out. The predicate is asked once per distinct customer.
   *
   * @throws org.manyi.platform.ProblemException 404 for an unknown survey
   */
  String itemScoresCsv(
      SurveyId survey,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      Predicate<CustomerId> respondents);

  /**
   * The survey's scored items grouped by the construct their questions are tagged with (such as
   * {@code PERQ}), in questionnaire order; untagged questions are left out.
   *
   * @throws org.manyi.platform.ProblemException 404 for an unknown survey
   */
  Map<String, List<String>> constructItems(SurveyId survey);
}
