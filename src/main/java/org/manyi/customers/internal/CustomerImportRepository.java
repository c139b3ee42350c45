package org.manyi.customers.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Customer imports, their committed batches, created customers and rejected rows. */
@Repository
class CustomerImportRepository {

  private static final TypeReference<LinkedHashMap<String, String>> MAPPING =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final JsonMapper json;
  private final PersonalDataCipher cipher;

  /** A customer as it was before an import changed it, for the rollback. */
  record BeforeImage(
      CustomerProfile profile,
      UUID owner,
      @org.jspecify.annotations.Nullable UUID team,
      Map<String, String> custom) {}

  CustomerImportRepository(
      JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, PersonalDataCipher cipher) {
    this.cipher = cipher;
    this.jdbc = jdbc;
    this.batch = batch;
    this.json = json;
  }

  void insert(CustomerImport i) {
    jdbc.sql(
            "INSERT INTO customer_import (id, file_id, file_name, mapping, status, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            i.id(),
            i.fileId(),
            i.fileName(),
            json.writeValueAsString(i.mapping()),
            i.status().name(),
            i.createdBy().value(),
            toDb(i.createdAt()))
        .update();
  }

  void mapping(UUID id, Map<String, String> mapping) {
    jdbc.sql("UPDATE customer_import SET mapping = ? WHERE id = ?")
        .params(json.writeValueAsString(mapping), id)
        .update();
  }

  /** Moves the import to {@code to} if it is in {@code from}; false when it was not. */
  boolean status(UUID id, ImportStatus from, ImportStatus to, @Nullable UUID job) {
    return jdbc.sql(
                "UPDATE customer_import SET status = ?, job_id = COALESCE(?, job_id) WHERE id = ?"
                    + " AND status = ?")
            .params(to.name(), job, id, from.name())
            .update()
        == 1;
  }

  void status(UUID id, ImportStatus to) {
    jdbc.sql("UPDATE customer_import SET status = ? WHERE id = ?").params(to.name(), id).update();
  }

  void counts(UUID id, ImportReport report) {
    jdbc.sql(
            "UPDATE customer_import SET rows_total = ?, rows_rejected = ?, created_count = ?,"
                + " updated_count = ?, unchanged_count = ? WHERE id = ?")
        .params(
            report.rows(),
            report.rejected(),
            report.created(),
            report.updated(),
            report.unchanged(),
            id)
        .update();
  }

  Optional<CustomerImport> find(UUID id) {
    return jdbc.sql("SELECT * FROM customer_import WHERE id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  /** Newest first; all imports when {@code by} is null. */
  List<CustomerImport> recent(@Nullable UserId by, int limit) {
    return by == null
        ? jdbc.sql("SELECT * FROM customer_import ORDER BY created_at DESC LIMIT ?")
            .param(limit)
            .query(this::row)
            .list()
        : jdbc.sql(
                "SELECT * FROM customer_import WHERE created_by = ? ORDER BY created_at DESC LIMIT ?")
            .params(by.value(), limit)
            .query(this::row)
            .list();
  }

  void insertBatch(UUID importId, ImportBatch b) {
    jdbc.sql(
            "INSERT INTO customer_import_batch (import_id, batch_no, first_line, last_line,"
                + " created, updated, unchanged, rejected, committed_at) VALUES (?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)")
        .params(
            importId,
            b.number(),
            b.firstLine(),
            b.lastLine(),
            b.created(),
            b.updated(),
            b.unchanged(),
            b.rejected(),
            toDb(b.committedAt()))
        .update();
  }

  List<ImportBatch> batches(UUID importId) {
    return jdbc.sql("SELECT * FROM customer_import_batch WHERE import_id = ? ORDER BY batch_no")
        .param(importId)
        .query(
            (rs, n) ->
                new ImportBatch(
                    rs.getInt("batch_no"),
                    rs.getLong("first_line"),
                    rs.getLong("last_line"),
                    rs.getInt("created"),
                    rs.getInt("updated"),
                    rs.getInt("unchanged"),
                    rs.getInt("rejected"),
                    fromDb(rs.getObject("committed_at", OffsetDateTime.class))))
        .list();
  }

  /** Refreshes the planner's statistics ({@code ANALYZE} means the same on H2 and PostgreSQL). */
  void analyze() {
    jdbc.sql("ANALYZE").update();
  }

  void deleteBatches(UUID importId) {
    jdbc.sql("DELETE FROM customer_import_batch WHERE import_id = ?").param(importId).update();
  }

  void insertCreated(UUID importId, List<CustomerId> customers) {
    batch.batchUpdate(
        "INSERT INTO customer_import_created (import_id, customer_id) VALUES (?, ?)",
        customers.stream().map(c -> new Object[] {importId, c.value()}).toList());
  }

  List<CustomerId> created(UUID importId) {
    return jdbc.sql("SELECT customer_id FROM customer_import_created WHERE import_id = ?")
        .param(importId)
        .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
        .list();
  }

  void deleteCreated(UUID importId) {
    jdbc.sql("DELETE FROM customer_import_created WHERE import_id = ?").param(importId).update();
  }

  void insertProblems(UUID importId, List<ImportReport.RowProblem> problems) {
    batch.batchUpdate(
        "INSERT INTO customer_import_problem (import_id, line, field, code, detail) VALUES (?, ?,"
            + " ?, ?, ?)",
        problems.stream()
            .map(p -> new Object[] {importId, p.line(), p.field(), p.code(), p.detail()})
            .toList());
  }

  void deleteProblems(UUID importId) {
    jdbc.sql("DELETE FROM customer_import_problem WHERE import_id = ?").param(importId).update();
    jdbc.sql("DELETE FROM customer_import_warning WHERE import_id = ?").param(importId).update();
  }

  void insertWarnings(UUID importId, List<ImportReport.RowWarning> warnings) {
    batch.batchUpdate(
        "INSERT INTO customer_import_warning (import_id, line, reason, customer_id) VALUES (?, ?,"
            + " ?, ?)",
        warnings.stream()
            .map(w -> new Object[] {importId, w.line(), w.reason().name(), w.customerId()})
            .toList());
  }

  long countWarnings(UUID importId) {
    return jdbc.sql("SELECT COUNT(*) FROM customer_import_warning WHERE import_id = ?")
        .param(importId)
        .query(Long.class)
        .single();
  }

  List<ImportReport.RowWarning> warnings(UUID importId, int limit) {
    return jdbc.sql(
            "SELECT line, reason, customer_id FROM customer_import_warning WHERE import_id = ?"
                + " ORDER BY line, reason LIMIT ?")
        .params(importId, limit)
        .query(
            (rs, n) ->
                new ImportReport.RowWarning(
                    rs.getLong("line"),
                    DuplicateReason.valueOf(rs.getString("reason")),
                    rs.getObject("customer_id", UUID.class)))
        .list();
  }

  /** Every rejected row in file order, streamed to {@code each}. */
  void problems(UUID importId, Consumer<ImportReport.RowProblem> each) {
    jdbc.sql(
            "SELECT line, field, code, detail FROM customer_import_problem WHERE import_id = ?"
                + " ORDER BY line")
        .param(importId)
        .query(
            (ResultSet rs) -> {
              each.accept(problem(rs));
            });
  }

  List<ImportReport.RowProblem> problems(UUID importId, int limit) {
    return jdbc.sql(
            "SELECT line, field, code, detail FROM customer_import_problem WHERE import_id = ?"
                + " ORDER BY line LIMIT ?")
        .params(importId, limit)
        .query((rs, n) -> problem(rs))
        .list();
  }

  private static ImportReport.RowProblem problem(ResultSet rs) throws SQLException {
    return new ImportReport.RowProblem(
        rs.getLong("line"), rs.getString("field"), rs.getString("code"), rs.getString("detail"));
  }

  /**
   * Keeps the state of customers a batch changes: the first image of a customer in an import wins,
   * and every write moves the time the import last wrote it.
   */
  void saveBefore(
      UUID importId,
      Map<CustomerId, BeforeImage> images,
      Collection<CustomerId> written,
      Instant at) {
    if (written.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "UPDATE customer_import_before SET written_at = ? WHERE import_id = ? AND customer_id = ?",
        written.stream().map(id -> new Object[] {toDb(at), importId, id.value()}).toList());
    java.util.Set<UUID> kept = new java.util.HashSet<>();
    List<UUID> ids = images.keySet().stream().map(CustomerId::value).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      List<Object> params = new java.util.ArrayList<>();
      params.add(importId);
      params.addAll(chunk);
      kept.addAll(
          jdbc.sql(
                  "SELECT customer_id FROM customer_import_before WHERE import_id = ? AND"
                      + " customer_id IN ("
                      + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                      + ")")
              .params(params)
              .query(UUID.class)
              .list());
    }
    batch.batchUpdate(
        "INSERT INTO customer_import_before (import_id, customer_id, snapshot, written_at) VALUES"
            + " (?, ?, ?, ?)",
        images.entrySet().stream()
            .filter(e -> !kept.contains(e.getKey().value()))
            .map(
                e ->
                    new Object[] {
                      importId,
                      e.getKey().value(),
                      cipher.encrypt(json.writeValueAsString(e.getValue())),
                      toDb(at)
                    })
            .toList());
  }

  /** Images of the customers the import changed and nobody changed since. */
  Map<CustomerId, BeforeImage> unchangedBefore(UUID importId) {
    Map<CustomerId, BeforeImage> out = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT b.customer_id, b.snapshot FROM customer_import_before b JOIN customer c ON c.id"
                + " = b.customer_id AND c.updated_at = b.written_at WHERE b.import_id = ?")
        .param(importId)
        .query(
            (ResultSet rs) -> {
              out.put(
                  new CustomerId(rs.getObject("customer_id", UUID.class)),
                  json.readValue(cipher.decrypt(rs.getString("snapshot")), BeforeImage.class));
            });
    return out;
  }

  long countBefore(UUID importId) {
    return jdbc.sql("SELECT COUNT(*) FROM customer_import_before WHERE import_id = ?")
        .param(importId)
        .query(Long.class)
        .single();
  }

  void deleteBefore(UUID importId) {
    jdbc.sql("DELETE FROM customer_import_before WHERE import_id = ?").param(importId).update();
  }

  private CustomerImport row(ResultSet rs, int n) throws SQLException {
    long rowsTotal = rs.getLong("rows_total");
    Long total = rs.wasNull() ? null : rowsTotal;
    long rejected = rs.getLong("rows_rejected");
    Long rowsRejected = rs.wasNull() ? null : rejected;
    Instant created = fromDb(rs.getObject("created_at", OffsetDateTime.class));
    return new CustomerImport(
        rs.getObject("id", UUID.class),
        rs.getObject("file_id", UUID.class),
        rs.getString("file_name"),
        json.readValue(rs.getString("mapping"), MAPPING),
        ImportStatus.valueOf(rs.getString("status")),
        rs.getObject("job_id", UUID.class),
        total,
        rowsRejected,
        rs.getLong("created_count"),
        rs.getLong("updated_count"),
        rs.getLong("unchanged_count"),
        new UserId(rs.getObject("created_by", UUID.class)),
        created);
  }
}
