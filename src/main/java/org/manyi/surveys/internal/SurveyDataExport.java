package org.manyi.surveys.internal;

import static org.manyi.shared.Times.toDb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.surveys.SurveyData;
import org.manyi.surveys.SurveyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scored answers of a survey, one row per response, for index models and driver analyses. */
@Service
@Transactional(readOnly = true)
class SurveyDataExport implements SurveyData {

  private final SurveyRepository surveys;
  private final JdbcClient jdbc;

  SurveyDataExport(SurveyRepository surveys, JdbcClient jdbc) {
    this.surveys = surveys;
    this.jdbc = jdbc;
  }

  @Override
  public List<SurveyRef> scoredSurveys() {
    return surveys.list(null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
        .filter(s -> s.questions().stream().anyMatch(q -> q.type().scored()))
        .map(s -> new SurveyRef(s.id(), s.name(), surveys.responses(s.id())))
        .toList();
  }

  @Override
  public String itemScoresCsv(SurveyId id, @Nullable LocalDate from, @Nullable LocalDate to) {
    return itemScoresCsv(id, from, to, null);
  }

  @Override
  public String itemScoresCsv(
      SurveyId id,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable Predicate<CustomerId> respondents) {
    Survey survey =
        surveys.find(id).orElseThrow(() -> ProblemException.notFound("survey.notFound"));
    StringBuilder sql =
        new StringBuilder(
            "SELECT response_id, item_key, score FROM survey_answer WHERE survey_id = ? AND score"
                + " IS NOT NULL AND question_type <> 'MULTI_CHOICE'");
    StringBuilder period = new StringBuilder();
    List<Object> params = new ArrayList<>(List.of(id.value()));
    if (from != null) {
      period.append(" AND submitted_at >= ?");
      params.add(toDb(from.atStartOfDay(SatisfactionMetrics.ZONE).toInstant()));
    }
    if (to != null) {
      period.append(" AND submitted_at < ?");
      params.add(toDb(to.plusDays(1).atStartOfDay(SatisfactionMetrics.ZONE).toInstant()));
    }
    sql.append(period);
    Set<UUID> accepted = respondents == null ? null : accepted(params, period, respondents);
    Map<UUID, Map<String, Integer>> rows = new LinkedHashMap<>();
    Set<String> items = new LinkedHashSet<>();
    // columns in questionnaire order, then any items only older versions had
    survey.questions().stream()
        .filter(q -> q.type().scored())
        .forEach(
            q -> {
              if (q.optionList().isEmpty() || q.type() != org.manyi.surveys.QuestionType.LIKERT) {
                items.add(q.key());
              } else {
                q.optionList().forEach(row -> items.add(q.key() + "." + row.value()));
              }
            });
    jdbc.sql(sql.append(" ORDER BY submitted_at, response_id").toString())
        .params(params)
        .query(
            rs -> {
              String item = rs.getString("item_key");
              items.add(item);
              UUID response = rs.getObject("response_id", UUID.class);
              if (accepted != null && !accepted.contains(response)) {
                return;
              }
              rows.computeIfAbsent(response, r -> new LinkedHashMap<>())
                  .put(item, rs.getInt("score"));
            });
    StringBuilder csv = new StringBuilder(String.join(",", items)).append('\n');
    for (Map<String, Integer> row : rows.values()) {
      List<String> cells = new ArrayList<>(items.size());
      for (String item : items) {
        Integer score = row.get(item);
        cells.add(score == null ? "" : score.toString());
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    return csv.toString();
  }

  @Override
  public Map<String, List<String>> constructItems(SurveyId id) {
    Survey survey =
        surveys.find(id).orElseThrow(() -> ProblemException.notFound("survey.notFound"));
    Map<String, List<String>> items = new LinkedHashMap<>();
    survey.questions().stream()
        .filter(q -> q.type().scored() && q.construct() != null && !q.construct().isBlank())
        .forEach(
            q -> {
              List<String> keys = items.computeIfAbsent(q.construct(), c -> new ArrayList<>());
              if (q.optionList().isEmpty() || q.type() != org.manyi.surveys.QuestionType.LIKERT) {
                keys.add(q.key());
              } else {
                q.optionList().forEach(row -> keys.add(q.key() + "." + row.value()));
              }
            });
    Map<String, List<String>> result = new LinkedHashMap<>();
    items.forEach((construct, keys) -> result.put(construct, List.copyOf(keys)));
    return result;
  }

  /** Responses in the period from customers the predicate accepts, asking once per customer. */
  private Set<UUID> accepted(
      List<Object> params, CharSequence period, Predicate<CustomerId> respondents) {
    Map<UUID, Boolean> verdicts = new HashMap<>();
    Set<UUID> accepted = new HashSet<>();
    jdbc.sql(
            "SELECT id, customer_id FROM survey_response WHERE survey_id = ? AND customer_id IS"
                + " NOT NULL"
                + period)
        .params(params)
        .query(
            rs -> {
              UUID customer = rs.getObject("customer_id", UUID.class);
              if (verdicts.computeIfAbsent(customer, c -> respondents.test(new CustomerId(c)))) {
                accepted.add(rs.getObject("id", UUID.class));
              }
            });
    return accepted;
  }
}
