package org.manyi.satisfaction.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs in {@code satisfaction_run}; spec, settings and result as JSON documents. The uploaded data
 * is read only when a run is estimated, never for lists.
 */
@Repository
class ModelRunRepository {

  private static final String COLUMNS =
      "r.id, r.model_id, r.model_version, r.model_name, r.model_spec, r.settings, r.job_id,"
          + " r.status, r.data_name, r.data_rows, r.data_columns, r.data_sha256, r.data_filter, r.result,"
          + " r.error, r.created_by, r.created_at, r.finished_at";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ModelRunRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(ModelRun run, byte[] data) {
    jdbc.sql(
            "INSERT INTO satisfaction_run (id, model_id, model_version, model_name, model_spec,"
                + " settings, job_id, status, data_name, data_rows, data_columns, data_sha256,"
                + " data_filter, data_csv, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            run.id(),
            run.modelId(),
            run.modelVersion(),
            run.modelName(),
            json.writeValueAsString(run.spec()),
            json.writeValueAsString(run.settings()),
            run.jobId(),
            run.status().name(),
            run.data().name(),
            run.data().rows(),
            run.data().columns(),
            run.data().sha256(),
            run.data().filter() == null ? null : json.writeValueAsString(run.data().filter()),
            new String(data, java.nio.charset.StandardCharsets.UTF_8),
            run.createdBy(),
            toDb(run.createdAt()))
        .update();
  }

  void attachJob(UUID runId, UUID jobId) {
    jdbc.sql("UPDATE satisfaction_run SET job_id = ? WHERE id = ?").params(jobId, runId).update();
  }

  void succeed(UUID id, EstimateResult result, Instant at) {
    jdbc.sql("UPDATE satisfaction_run SET status = ?, result = ?, finished_at = ? WHERE id = ?")
        .params(RunStatus.SUCCEEDED.name(), json.writeValueAsString(result), toDb(at), id)
        .update();
  }

  void finish(UUID id, RunStatus status, @Nullable String error, Instant at) {
    jdbc.sql("UPDATE satisfaction_run SET status = ?, error = ?, finished_at = ? WHERE id = ?")
        .params(status.name(), error, toDb(at), id)
        .update();
  }

  Optional<ModelRun> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM satisfaction_run r WHERE r.id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<String> data(UUID id) {
    return jdbc.sql("SELECT data_csv FROM satisfaction_run WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** Newest first. */
  List<ModelRun> forModel(UUID modelId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM satisfaction_run r WHERE r.model_id = ?"
                + " ORDER BY r.created_at DESC, r.id LIMIT ?")
        .params(modelId, limit)
        .query(this::map)
        .list();
  }

  private ModelRun map(ResultSet rs, int row) throws SQLException {
    String result = rs.getString("result");
    String filter = rs.getString("data_filter");
    return new ModelRun(
        rs.getObject("id", UUID.class),
        rs.getObject("model_id", UUID.class),
        rs.getInt("model_version"),
        rs.getString("model_name"),
        json.readValue(rs.getString("model_spec"), ModelSpec.class),
        json.readValue(rs.getString("settings"), RunSettings.class),
        new DataDescription(
            rs.getString("data_name"),
            rs.getInt("data_rows"),
            rs.getInt("data_columns"),
            rs.getString("data_sha256"),
            filter == null ? null : json.readValue(filter, DataFilter.class)),
        rs.getObject("job_id", UUID.class),
        RunStatus.valueOf(rs.getString("status")),
        result == null ? null : json.readValue(result, EstimateResult.class),
        rs.getString("error"),
        rs.getString("created_by"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("finished_at", OffsetDateTime.class)));
  }
}
