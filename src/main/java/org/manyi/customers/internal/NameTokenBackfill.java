package org.manyi.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the name search tokens of customers stored before the tokens existed (a database upgraded
 * from an earlier version), in the background after start-up so the application is usable at once.
 * New and edited customers get their tokens when they are written.
 */
@Component
class NameTokenBackfill {

  private static final Logger log = LoggerFactory.getLogger(NameTokenBackfill.class);
  private static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;

  NameTokenBackfill(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = transactions;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Thread worker = new Thread(this::run, "name-token-backfill");
    worker.setDaemon(true);
    worker.start();
  }

  /** Fills the missing tokens; returns how many customers got theirs. */
  int run() {
    record Row(UUID id, String name) {}
    int done = 0;
    UUID after = null;
    while (true) {
      String sql =
          "SELECT c.id, c.name FROM customer c WHERE NOT EXISTS (SELECT 1 FROM"
              + " customer_name_token t WHERE t.customer_id = c.id)"
              + (after == null ? "" : " AND c.id > ?")
              + " ORDER BY c.id LIMIT "
              + BATCH;
      var spec = jdbc.sql(sql);
      if (after != null) {
        spec = spec.param(after);
      }
      List<Row> rows =
          spec.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name")))
              .list();
      if (rows.isEmpty()) {
        break;
      }
      List<Object[]> tokens = new ArrayList<>();
      for (Row r : rows) {
        for (String token : NameSearch.tokens(r.name())) {
          tokens.add(new Object[] {token, r.id()});
        }
      }
      transactions.executeWithoutResult(
          tx ->
              batch.batchUpdate(
                  "INSERT INTO customer_name_token (token, customer_id) VALUES (?, ?)", tokens));
      done += rows.size();
      after = rows.get(rows.size() - 1).id();
    }
    if (done > 0) {
      log.info("Wrote the name search tokens of {} customers stored before they existed", done);
    }
    return done;
  }
}
