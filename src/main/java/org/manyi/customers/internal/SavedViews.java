package org.manyi.customers.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's saved views of the customer list. */
@Service
@Transactional
public class SavedViews {

  static final int MAX_VIEWS = 50;

  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();

  SavedViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<SavedView> mine(CurrentUser me) {
    return jdbc.sql(
            "SELECT id, name, query, created_at FROM customer_saved_view WHERE owner_id = ? ORDER"
                + " BY name")
        .param(me.id().value())
        .query(
            (rs, n) ->
                new SavedView(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("query"),
                    fromDb(rs.getObject("created_at", OffsetDateTime.class))))
        .list();
  }

  /**
   * Saves a view; a view of the same name is replaced.
   *
   * @throws ProblemException 400 naming {@code name} or {@code query}, 409 when the user has {@link
   *     #MAX_VIEWS} views already
   */
  public SavedView save(String name, String query, CurrentUser me) {
    SavedView view = new SavedView(UUID.randomUUID(), name, query, clock.instant());
    int replaced =
        jdbc.sql("UPDATE customer_saved_view SET query = ? WHERE owner_id = ? AND name = ?")
            .params(view.query(), me.id().value(), view.name())
            .update();
    if (replaced > 0) {
      return mine(me).stream().filter(v -> v.name().equals(view.name())).findFirst().orElseThrow();
    }
    if (mine(me).size() >= MAX_VIEWS) {
      throw ProblemException.conflict("too-many-views", "customer.view.tooMany", MAX_VIEWS);
    }
    jdbc.sql(
            "INSERT INTO customer_saved_view (id, owner_id, name, query, created_at) VALUES (?, ?,"
                + " ?, ?, ?)")
        .params(view.id(), me.id().value(), view.name(), view.query(), toDb(view.createdAt()))
        .update();
    return view;
  }

  /** Deletes one of the user's views; another user's view answers 404. */
  public void delete(UUID id, CurrentUser me) {
    int deleted =
        jdbc.sql("DELETE FROM customer_saved_view WHERE id = ? AND owner_id = ?")
            .params(id, me.id().value())
            .update();
    if (deleted == 0) {
      throw ProblemException.notFound("customer.view.notFound");
    }
  }
}
