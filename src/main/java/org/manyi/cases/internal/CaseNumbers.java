package org.manyi.cases.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human-readable case numbers such as {@code C20261123-0001}: the date in China and a per-day
 * sequence. The day's counter row is created in its own transaction (a concurrent creator's
 * duplicate is ignored), then incremented in the caller's transaction, whose row lock makes
 * concurrent cases of one day wait for each other until commit, so no number is given twice on H2
 * or PostgreSQL.
 */
@Component
class CaseNumbers {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final JdbcClient jdbc;
  private final TransactionTemplate separate;

  CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number for a case received at {@code at}; call inside the case's transaction. */
  String next(Instant at) {
    String day = DAY.format(at.atZone(ZONE));
    if (increment(day) == 0) {
      try {
        separate.executeWithoutResult(
            tx ->
                jdbc.sql("INSERT INTO case_number_day (number_day, last_number) VALUES (?, 0)")
                    .param(day)
                    .update());
      } catch (DataIntegrityViolationException someoneElseCreatedIt) {
        // the row exists now, which is all we need
      }
      increment(day);
    }
    int n =
        jdbc.sql("SELECT last_number FROM case_number_day WHERE number_day = ?")
            .param(day)
            .query(Integer.class)
            .single();
    return "C%s-%04d".formatted(day, n);
  }

  private int increment(String day) {
    return jdbc.sql("UPDATE case_number_day SET last_number = last_number + 1 WHERE number_day = ?")
        .param(day)
        .update();
  }
}
