package org.manyi.satisfaction.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Models in {@code satisfaction_model}, the spec as a JSON document. */
@Repository
class SatisfactionModelRepository {

  private static final String COLUMNS =
      "id, name, description, template, spec, model_version, created_by, created_at, updated_at";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SatisfactionModelRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(SatisfactionModel model) {
    jdbc.sql("INSERT INTO satisfaction_model (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            model.id(),
            model.name(),
            model.description(),
            model.template(),
            json.writeValueAsString(model.spec()),
            model.version(),
            model.createdBy(),
            toDb(model.createdAt()),
            toDb(model.updatedAt()))
        .update();
  }

  /** Saves a revision unless someone else saved one first; false then. */
  boolean update(SatisfactionModel model) {
    return jdbc.sql(
                "UPDATE satisfaction_model SET name = ?, description = ?, spec = ?,"
                    + " model_version = ?, updated_at = ? WHERE id = ? AND model_version = ?")
            .params(
                model.name(),
                model.description(),
                json.writeValueAsString(model.spec()),
                model.version(),
                toDb(model.updatedAt()),
                model.id(),
                model.version() - 1)
            .update()
        == 1;
  }

  boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM satisfaction_model WHERE id = ?").param(id).update() == 1;
  }

  Optional<SatisfactionModel> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM satisfaction_model WHERE id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<SatisfactionModel> findByTemplate(String template) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM satisfaction_model WHERE template = ?")
        .param(template)
        .query(this::map)
        .optional();
  }

  boolean templateExists(String template) {
    return jdbc.sql("SELECT COUNT(*) FROM satisfaction_model WHERE template = ?")
            .param(template)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Ready models first, then by name; {@code query} matches the name, case-insensitively. */
  PageResult<SatisfactionModel> list(@Nullable String query, PageRequest page) {
    String where = "";
    String pattern = null;
    if (query != null && !query.isBlank()) {
      where = " WHERE LOWER(name) LIKE ?";
      pattern = "%" + query.strip().toLowerCase(Locale.ROOT) + "%";
    }
    var count = jdbc.sql("SELECT COUNT(*) FROM satisfaction_model" + where);
    var select =
        jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM satisfaction_model"
                + where
                + " ORDER BY CASE WHEN template IS NULL THEN 1 ELSE 0 END, name, id"
                + " LIMIT ? OFFSET ?");
    if (pattern != null) {
      count = count.param(pattern);
      select = select.param(pattern);
    }
    long total = count.query(Long.class).single();
    List<SatisfactionModel> items =
        select.param(page.size()).param(page.offset()).query(this::map).list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  private SatisfactionModel map(ResultSet rs, int row) throws SQLException {
    return new SatisfactionModel(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("template"),
        json.readValue(rs.getString("spec"), ModelSpec.class),
        rs.getInt("model_version"),
        rs.getString("created_by"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("updated_at", OffsetDateTime.class)));
  }
}
