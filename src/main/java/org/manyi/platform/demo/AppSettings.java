package org.manyi.platform.demo;

import static org.manyi.shared.Times.toDb;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Small named settings the platform keeps in the database (such as "demo data loaded"). */
@Repository
class AppSettings {

  private final JdbcClient jdbc;

  AppSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> get(String name) {
    return jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?")
        .param(name)
        .query(String.class)
        .optional();
  }

  void put(String name, String value) {
    int updated =
        jdbc.sql("UPDATE app_setting SET setting_value = ?, updated_at = ? WHERE name = ?")
            .params(value, toDb(Instant.now()), name)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO app_setting (name, setting_value, updated_at) VALUES (?, ?, ?)")
          .params(name, value, toDb(Instant.now()))
          .update();
    }
  }

  void remove(String name) {
    jdbc.sql("DELETE FROM app_setting WHERE name = ?").param(name).update();
  }
}
