package org.manyi.platform.jobs;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.JobStatus;
import org.manyi.platform.JobView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jobs in the {@code job} table; messages are kept as a JSON array of at most 200 lines. */
@Repository
class JobRepository {

  private static final int MAX_MESSAGES = 200;
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JobRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(UUID id, String type, String owner, Instant now) {
    jdbc.sql(
            "INSERT INTO job (id, type, owner, status, processed, messages, created_at)"
                + " VALUES (?, ?, ?, ?, 0, '[]', ?)")
        .params(id, type, owner, JobStatus.QUEUED.name(), toDb(now))
        .update();
  }

  boolean markRunning(UUID id, Instant now) {
    return jdbc.sql(
                "UPDATE job SET status = ?, started_at = ? WHERE id = ? AND status = ?"
                    + " AND cancel_requested = FALSE")
            .params(JobStatus.RUNNING.name(), toDb(now), id, JobStatus.QUEUED.name())
            .update()
        == 1;
  }

  void progress(UUID id, long processed, @Nullable Long total) {
    jdbc.sql("UPDATE job SET processed = ?, total = ? WHERE id = ?")
        .params(processed, total, id)
        .update();
  }

  synchronized void addMessage(UUID id, String message) {
    String current =
        jdbc.sql("SELECT messages FROM job WHERE id = ?").param(id).query(String.class).single();
    List<String> messages = new ArrayList<>(readMessages(current));
    messages.add(message);
    if (messages.size() > MAX_MESSAGES) {
      messages = messages.subList(messages.size() - MAX_MESSAGES, messages.size());
    }
    jdbc.sql("UPDATE job SET messages = ? WHERE id = ?")
        .params(json.writeValueAsString(messages), id)
        .update();
  }

  void result(UUID id, String resultJson) {
    jdbc.sql("UPDATE job SET result = ? WHERE id = ?").params(resultJson, id).update();
  }

  void finish(UUID id, JobStatus status, @Nullable String error, Instant now) {
    jdbc.sql("UPDATE job SET status = ?, error = ?, finished_at = ? WHERE id = ?")
        .params(status.name(), truncate(error), toDb(now), id)
        .update();
  }

  void requestCancel(UUID id, Instant now) {
    jdbc.sql("UPDATE job SET cancel_requested = TRUE WHERE id = ?").param(id).update();
    // a queued job has no worker to notice the request
    jdbc.sql("UPDATE job SET status = ?, finished_at = ? WHERE id = ? AND status = ?")
        .params(JobStatus.CANCELLED.name(), toDb(now), id, JobStatus.QUEUED.name())
        .update();
  }

  boolean cancelRequested(UUID id) {
    return jdbc.sql("SELECT cancel_requested FROM job WHERE id = ?")
        .param(id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Marks every queued or running job failed; used at start-up, when no worker can own them. */
  int failUnfinished(String reason, Instant now) {
    return jdbc.sql("UPDATE job SET status = ?, error = ?, finished_at = ? WHERE status IN (?, ?)")
        .params(
            JobStatus.FAILED.name(),
            reason,
            toDb(now),
            JobStatus.QUEUED.name(),
            JobStatus.RUNNING.name())
        .update();
  }

  Optional<JobView> find(UUID id) {
    return jdbc.sql("SELECT * FROM job WHERE id = ?").param(id).query(this::map).optional();
  }

  List<JobView> recent(String owner, int limit) {
    return jdbc.sql("SELECT * FROM job WHERE owner = ? ORDER BY created_at DESC LIMIT ?")
        .params(owner, limit)
        .query(this::map)
        .list();
  }

  private JobView map(ResultSet rs, int row) throws SQLException {
    String result = rs.getString("result");
    JsonNode resultNode = result == null ? null : json.readTree(result);
    long total = rs.getLong("total");
    Long totalOrNull = rs.wasNull() ? null : total;
    return new JobView(
        rs.getObject("id", UUID.class),
        rs.getString("type"),
        rs.getString("owner"),
        JobStatus.valueOf(rs.getString("status")),
        rs.getLong("processed"),
        totalOrNull,
        readMessages(rs.getString("messages")),
        resultNode,
        rs.getString("error"),
        rs.getBoolean("cancel_requested"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("started_at", OffsetDateTime.class)),
        fromDb(rs.getObject("finished_at", OffsetDateTime.class)));
  }

  private List<String> readMessages(@Nullable String value) {
    return value == null || value.isBlank() ? List.of() : json.readValue(value, STRINGS);
  }

  private static @Nullable String truncate(@Nullable String value) {
    return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
  }
}
