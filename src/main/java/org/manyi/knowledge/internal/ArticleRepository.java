package org.manyi.knowledge.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;
import org.manyi.knowledge.ArticleId;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Articles in {@code kb_article}. */
@Repository
class ArticleRepository {

  private static final String COLUMNS =
      "id, title, body, category, tags, language, status, helpful_yes, helpful_no, created_by,"
          + " created_at, updated_at, published_at, version";

  private final JdbcClient jdbc;

  ArticleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Article> find(ArticleId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kb_article WHERE id = ?")
        .param(id.value())
        .query((rs, n) -> map(rs))
        .optional();
  }

  void insert(Article a) {
    jdbc.sql(
            "INSERT INTO kb_article ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
        .params(
            a.id.value(),
            a.title,
            a.body,
            a.category,
            String.join(",", a.tags),
            a.language.name(),
            a.status.name(),
            a.helpfulYes,
            a.helpfulNo,
            a.createdBy.value(),
            toDb(a.createdAt),
            toDb(a.updatedAt),
            a.publishedAt == null ? null : toDb(a.publishedAt))
        .update();
  }

  /** Writes the article; a concurrent change in between answers 409. */
  void update(Article a) {
    int rows =
        jdbc.sql(
                "UPDATE kb_article SET title = ?, body = ?, category = ?, tags = ?, language = ?,"
                    + " status = ?, updated_at = ?, published_at = ?, version = version + 1"
                    + " WHERE id = ? AND version = ?")
            .params(
                a.title,
                a.body,
                a.category,
                String.join(",", a.tags),
                a.language.name(),
                a.status.name(),
                toDb(a.updatedAt),
                a.publishedAt == null ? null : toDb(a.publishedAt),
                a.id.value(),
                a.version)
            .update();
    if (rows != 1) {
      throw ProblemException.conflict("concurrent-change", "kb.concurrentChange");
    }
    a.version++;
  }

  boolean delete(ArticleId id) {
    return jdbc.sql("DELETE FROM kb_article WHERE id = ?").param(id.value()).update() == 1;
  }

  /** Adds one vote; counted in the database so concurrent votes are not lost. */
  boolean vote(ArticleId id, boolean helpful) {
    String column = helpful ? "helpful_yes" : "helpful_no";
    return jdbc.sql(
                "UPDATE kb_article SET "
                    + column
                    + " = "
                    + column
                    + " + 1 WHERE id = ? AND status = 'PUBLISHED'")
            .param(id.value())
            .update()
        == 1;
  }

  long count(String where, List<Object> params) {
    return jdbc.sql("SELECT COUNT(*) FROM kb_article WHERE " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  List<Article> list(String where, List<Object> params, long offset, int size) {
    List<Object> all = new ArrayList<>(params);
    all.add(size);
    all.add(offset);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM kb_article WHERE "
                + where
                + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?")
        .params(all)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Every article, a page at a time in ID order, for rebuilding the index. */
  void forEach(Consumer<Article> action) {
    UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
    boolean first = true;
    while (true) {
      List<Article> page =
          first
              ? jdbc.sql("SELECT " + COLUMNS + " FROM kb_article ORDER BY id LIMIT 500")
                  .query((rs, n) -> map(rs))
                  .list()
              : jdbc.sql(
                      "SELECT " + COLUMNS + " FROM kb_article WHERE id > ? ORDER BY id LIMIT 500")
                  .param(after)
                  .query((rs, n) -> map(rs))
                  .list();
      page.forEach(action);
      if (page.size() < 500) {
        return;
      }
      after = page.get(page.size() - 1).id.value();
      first = false;
    }
  }

  List<String> categories() {
    return jdbc.sql("SELECT DISTINCT category FROM kb_article ORDER BY category")
        .query(String.class)
        .list();
  }

  private static Article map(ResultSet rs) throws SQLException {
    Article a = new Article();
    a.id = new ArticleId(rs.getObject("id", UUID.class));
    a.title = rs.getString("title");
    a.body = rs.getString("body");
    a.category = rs.getString("category");
    a.tags = Article.tags(rs.getString("tags"));
    a.language = ArticleLanguage.valueOf(rs.getString("language"));
    a.status = ArticleStatus.valueOf(rs.getString("status"));
    a.helpfulYes = rs.getInt("helpful_yes");
    a.helpfulNo = rs.getInt("helpful_no");
    a.createdBy = new UserId(rs.getObject("created_by", UUID.class));
    a.createdAt = fromDb(rs.getObject("created_at", OffsetDateTime.class));
    a.updatedAt = fromDb(rs.getObject("updated_at", OffsetDateTime.class));
    a.publishedAt = optional(rs.getObject("published_at", OffsetDateTime.class));
    a.version = rs.getInt("version");
    return a;
  }

  private static java.time.@Nullable Instant optional(@Nullable OffsetDateTime t) {
    return t == null ? null : fromDb(t);
  }
}
