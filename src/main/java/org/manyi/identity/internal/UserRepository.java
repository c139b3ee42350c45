package org.manyi.identity.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.Role;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in {@code app_user} with their roles in {@code user_role}. */
@Repository
class UserRepository {

  /** Sort keys a list may ask for, mapped to columns so no input reaches the SQL text. */
  enum Sort {
    USERNAME("u.username"),
    DISPLAY_NAME("u.display_name"),
    CREATED("u.created_at");

    final String column;

    Sort(String column) {
      this.column = column;
    }
  }

  /** Filters of the user list; null means "any". */
  record Filter(@Nullable String query, @Nullable Role role, @Nullable TeamId team) {}

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String username) {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
            .param(User.normaliseUsername(username))
            .query(Long.class)
            .single()
        > 0;
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
  }

  void insert(User user) {
    jdbc.sql(
            "INSERT INTO app_user (id, username, display_name, email, password_hash, enabled,"
                + " must_change_password, team_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            user.id().value(),
            user.username(),
            user.displayName(),
            user.email(),
            user.passwordHash(),
            user.enabled(),
            user.mustChangePassword(),
            user.teamId() == null ? null : user.teamId().value(),
            toDb(user.createdAt()),
            toDb(user.updatedAt()))
        .update();
    writeRoles(user);
  }

  void update(User user) {
    jdbc.sql(
            "UPDATE app_user SET display_name = ?, email = ?, password_hash = ?, enabled = ?,"
                + " must_change_password = ?, team_id = ?, updated_at = ? WHERE id = ?")
        .params(
            user.displayName(),
            user.email(),
            user.passwordHash(),
            user.enabled(),
            user.mustChangePassword(),
            user.teamId() == null ? null : user.teamId().value(),
            toDb(user.updatedAt()),
            user.id().value())
        .update();
    writeRoles(user);
  }

  private void writeRoles(User user) {
    jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(user.id().value()).update();
    for (Role role : user.roles()) {
      jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)")
          .params(user.id().value(), role.name())
          .update();
    }
  }

  Optional<User> find(UserId id) {
    return one("u.id = ?", id.value());
  }

  Optional<User> findByUsername(String username) {
    return one("u.username = ?", User.normaliseUsername(username));
  }

  List<User> enabled(@Nullable TeamId team) {
    String where = team == null ? "u.enabled = TRUE" : "u.enabled = TRUE AND u.team_id = ?";
    var sql = jdbc.sql(SELECT + " WHERE " + where + " ORDER BY u.display_name");
    return withRoles((team == null ? sql : sql.param(team.value())).query(this::map).list());
  }

  PageResult<User> search(Filter filter, Sort sort, boolean descending, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filter.query() != null && !filter.query().isBlank()) {
      String like = "%" + escapeLike(filter.query().strip().toLowerCase(Locale.ROOT)) + "%";
      where.append(
          " AND (LOWER(u.username) LIKE ? ESCAPE '\\' OR LOWER(u.display_name) LIKE ? ESCAPE '\\'"
              + " OR LOWER(u.email) LIKE ? ESCAPE '\\')");
      params.add(like);
      params.add(like);
      params.add(like);
    }
    if (filter.role() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = ?)");
      params.add(filter.role().name());
    }
    if (filter.team() != null) {
      where.append(" AND u.team_id = ?");
      params.add(filter.team().value());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM app_user u" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(page.size());
    pageParams.add(page.offset());
    List<User> users =
        jdbc.sql(
                SELECT
                    + where
                    + " ORDER BY "
                    + sort.column
                    + (descending ? " DESC" : " ASC")
                    + ", u.id LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(this::map)
            .list();
    return new PageResult<>(withRoles(users), page.page(), page.size(), total);
  }

  private static final String SELECT =
      "SELECT u.id, u.username, u.display_name, u.email, u.password_hash, u.enabled,"
          + " u.must_change_password, u.team_id, u.created_at, u.updated_at FROM app_user u";

  private Optional<User> one(String condition, Object param) {
    List<User> found =
        jdbc.sql(SELECT + " WHERE " + condition).param(param).query(this::map).list();
    return withRoles(found).stream().findFirst();
  }

  private List<User> withRoles(List<User> users) {
    if (users.isEmpty()) {
      return users;
    }
    Map<UUID, Set<Role>> roles = new HashMap<>();
    String marks = String.join(",", java.util.Collections.nCopies(users.size(), "?"));
    jdbc.sql("SELECT user_id, role FROM user_role WHERE user_id IN (" + marks + ")")
        .params(users.stream().map(u -> (Object) u.id().value()).toList())
        .query(
            rs -> {
              roles
                  .computeIfAbsent(
                      rs.getObject("user_id", UUID.class), k -> EnumSet.noneOf(Role.class))
                  .add(Role.valueOf(rs.getString("role")));
            });
    return users.stream()
        .map(
            u ->
                new User(
                    u.id(),
                    u.username(),
                    u.displayName(),
                    u.email(),
                    u.passwordHash(),
                    u.enabled(),
                    u.mustChangePassword(),
                    u.teamId(),
                    roles.getOrDefault(u.id().value(), Set.of()),
                    u.createdAt(),
                    u.updatedAt()))
        .toList();
  }

  private User map(ResultSet rs, int row) throws SQLException {
    UUID team = rs.getObject("team_id", UUID.class);
    return new User(
        new UserId(rs.getObject("id", UUID.class)),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("password_hash"),
        rs.getBoolean("enabled"),
        rs.getBoolean("must_change_password"),
        team == null ? null : new TeamId(team),
        Set.of(),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("updated_at", OffsetDateTime.class)));
  }

  static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
