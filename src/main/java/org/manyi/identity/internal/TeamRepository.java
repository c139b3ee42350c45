package org.manyi.identity.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.manyi.identity.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

  private final JdbcClient jdbc;

  TeamRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Team team) {
    jdbc.sql("INSERT INTO team (id, name, created_at) VALUES (?, ?, ?)")
        .params(team.id().value(), team.name(), toDb(team.createdAt()))
        .update();
  }

  List<Team> all() {
    return jdbc.sql("SELECT id, name, created_at FROM team ORDER BY name").query(this::map).list();
  }

  Optional<Team> find(TeamId id) {
    return jdbc.sql("SELECT id, name, created_at FROM team WHERE id = ?")
        .param(id.value())
        .query(this::map)
        .optional();
  }

  Optional<Team> findByName(String name) {
    return jdbc.sql("SELECT id, name, created_at FROM team WHERE name = ?")
        .param(name.strip())
        .query(this::map)
        .optional();
  }

  long members(TeamId id) {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE team_id = ?")
        .param(id.value())
        .query(Long.class)
        .single();
  }

  private Team map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Team(
        new TeamId(rs.getObject("id", UUID.class)),
        rs.getString("name"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)));
  }
}
