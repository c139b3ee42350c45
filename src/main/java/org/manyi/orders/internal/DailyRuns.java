package org.manyi.orders.internal;

import static org.manyi.shared.Times.toDb;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A once-a-day lock shared by every instance: the one whose insert of today's row succeeds does the
 * work, the others see the primary key taken and skip.
 */
@Component
class DailyRuns {

  private final JdbcClient jdbc;

  DailyRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether this instance claimed {@code name} for {@code day}; false when another did. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean claim(String name, LocalDate day, Instant now) {
    try {
      jdbc.sql("INSERT INTO order_daily_run (name, run_date, started) VALUES (?, ?, ?)")
          .params(name, day, toDb(now))
          .update();
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }
}
