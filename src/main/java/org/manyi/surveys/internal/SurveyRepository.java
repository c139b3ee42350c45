package org.manyi.surveys.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.SurveyStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Surveys with their current version's questions; responses and item-level answers. */
@Repository
class SurveyRepository {

  private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};
  private static final String SELECT =
      "SELECT s.*, v.questions, EXISTS (SELECT 1 FROM survey_response r WHERE r.survey_id = s.id"
          + " AND r.survey_version = s.version) AS answered FROM survey s JOIN survey_version v"
          + " ON v.survey_id = s.id AND v.version = s.version";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SurveyRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(Survey survey) {
    jdbc.sql(
            "INSERT INTO survey (id, name, status, version, anonymous_token, created_by,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            survey.id().value(),
            survey.name(),
            survey.status().name(),
            survey.version(),
            survey.anonymousToken(),
            survey.createdBy(),
            toDb(survey.createdAt()),
            toDb(survey.updatedAt()))
        .update();
    writeVersion(survey);
  }

  void update(Survey survey) {
    jdbc.sql("UPDATE survey SET name = ?, status = ?, version = ?, updated_at = ? WHERE id = ?")
        .params(
            survey.name(),
            survey.status().name(),
            survey.version(),
            toDb(survey.updatedAt()),
            survey.id().value())
        .update();
    int changed =
        jdbc.sql("UPDATE survey_version SET questions = ? WHERE survey_id = ? AND version = ?")
            .params(
                json.writeValueAsString(survey.questions()), survey.id().value(), survey.version())
            .update();
    if (changed == 0) {
      writeVersion(survey);
    }
  }

  private void writeVersion(Survey survey) {
    jdbc.sql(
            "INSERT INTO survey_version (survey_id, version, questions, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(
            survey.id().value(),
            survey.version(),
            json.writeValueAsString(survey.questions()),
            toDb(survey.updatedAt()))
        .update();
  }

  Optional<Survey> find(SurveyId id) {
    return jdbc.sql(SELECT + " WHERE s.id = ?").param(id.value()).query(this::map).optional();
  }

  Optional<Survey> findByAnonymousToken(String token) {
    return jdbc.sql(SELECT + " WHERE s.anonymous_token = ?")
        .param(token)
        .query(this::map)
        .optional();
  }

  PageResult<Survey> list(@Nullable String query, @Nullable SurveyStatus status, PageRequest page) {
    String where = " WHERE 1 = 1";
    List<Object> params = new java.util.ArrayList<>();
    if (query != null && !query.isBlank()) {
      where += " AND LOWER(s.name) LIKE ?";
      params.add("%" + query.strip().toLowerCase(Locale.ROOT) + "%");
    }
    if (status != null) {
      where += " AND s.status = ?";
      params.add(status.name());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM survey s" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new java.util.ArrayList<>(params);
    pageParams.add(page.size());
    pageParams.add(page.offset());
    List<Survey> items =
        jdbc.sql(SELECT + where + " ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(this::map)
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  long responses(SurveyId id) {
    return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?")
        .param(id.value())
        .query(Long.class)
        .single();
  }

  void insertResponse(
      UUID responseId,
      Survey survey,
      @Nullable UUID customerId,
      String channel,
      @Nullable String language,
      Instant at,
      List<Answers.Item> items,
      CustomerProfiles.Profile profile) {
    jdbc.sql(
            "INSERT INTO survey_response (id, survey_id, survey_version, customer_id, channel,"
                + " language, submitted_at, city, stage, owner_id, value_tier, category, spend)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            responseId,
            survey.id().value(),
            survey.version(),
            customerId,
            channel,
            language,
            toDb(at),
            profile.city(),
            profile.stage(),
            profile.ownerId(),
            profile.valueTier(),
            profile.category(),
            profile.spend())
        .update();
    for (Answers.Item item : items) {
      jdbc.sql(
              "INSERT INTO survey_answer (response_id, item_key, survey_id, question_key,"
                  + " question_type, score, text_answer, submitted_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              responseId,
              item.key(),
              survey.id().value(),
              item.questionKey(),
              item.type().name(),
              item.score(),
              item.text(),
              toDb(at))
          .update();
    }
  }

  /** Recent free-text answers of a survey, newest first. */
  List<Comment> comments(SurveyId id, int limit) {
    return jdbc.sql(
            "SELECT a.question_key, a.text_answer, a.submitted_at, (SELECT MAX(n.score) FROM"
                + " survey_answer n WHERE n.response_id = a.response_id AND n.question_type ="
                + " 'NPS') AS nps FROM survey_answer a WHERE a.survey_id = ? AND a.question_type"
                + " = 'TEXT' ORDER BY a.submitted_at DESC LIMIT ?")
        .params(id.value(), limit)
        .query(
            (rs, row) -> {
              int nps = rs.getInt("nps");
              return new Comment(
                  rs.getString("question_key"),
                  rs.getString("text_answer"),
                  fromDb(rs.getObject("submitted_at", OffsetDateTime.class)),
                  rs.wasNull() ? null : nps);
            })
        .list();
  }

  /** Scores of the given items per response: response id → item key → score. */
  java.util.Map<UUID, java.util.Map<String, Integer>> scores(
      SurveyId id, java.util.Collection<String> items) {
    java.util.Map<UUID, java.util.Map<String, Integer>> byResponse = new java.util.HashMap<>();
    if (items.isEmpty()) {
      return byResponse;
    }
    String marks = String.join(",", java.util.Collections.nCopies(items.size(), "?"));
    List<Object> params = new java.util.ArrayList<>();
    params.add(id.value());
    params.addAll(items);
    jdbc.sql(
            "SELECT response_id, item_key, score FROM survey_answer WHERE survey_id = ? AND score IS"
                + " NOT NULL AND item_key IN ("
                + marks
                + ")")
        .params(params)
        .query(
            rs -> {
              byResponse
                  .computeIfAbsent(
                      rs.getObject("response_id", UUID.class), k -> new java.util.HashMap<>())
                  .put(rs.getString("item_key"), rs.getInt("score"));
            });
    return byResponse;
  }

  /** A free-text answer, with the NPS given in the same response when there was one. */
  record Comment(String questionKey, String text, Instant at, @Nullable Integer nps) {}

  private Survey map(ResultSet rs, int row) throws SQLException {
    return new Survey(
        new SurveyId(rs.getObject("id", UUID.class)),
        rs.getString("name"),
        SurveyStatus.valueOf(rs.getString("status")),
        rs.getInt("version"),
        json.readValue(rs.getString("questions"), QUESTIONS),
        rs.getString("anonymous_token"),
        rs.getString("created_by"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("updated_at", OffsetDateTime.class)),
        rs.getBoolean("answered"));
  }
}
