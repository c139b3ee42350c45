package org.manyi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.cases.CaseFixtures;
import org.manyi.platform.DemoContext;
import org.manyi.platform.JobContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CaseDemoDataIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired CaseDemoData demo;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void addsCasesInVariousStatesThroughTheirTransitions() throws Exception {
    String team = CaseFixtures.team(mvc);
    String agent = CaseFixtures.user(mvc, "AGENT", team);
    for (int i = 0; i < 5; i++) {
      CaseFixtures.customer(mvc, agent, "演示客户" + i);
    }
    long before = count();
    List<String> messages = new ArrayList<>();
    JobContext job =
        new JobContext() {
          @Override
          public void total(long total) {}

          @Override
          public void processed(long processed) {}

          @Override
          public void message(String message) {
            messages.add(message);
          }

          @Override
          public void result(Object result) {}

          @Override
          public boolean cancelRequested() {
            return false;
          }
        };
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(tx -> demo.contribute(new DemoContext(new Random(42), 400, job)));
    assertThat(count() - before).isEqualTo(100);
    assertThat(messages).contains("cases: 100 cases");
    List<String> statuses =
        jdbc.sql("SELECT DISTINCT status FROM service_case").query(String.class).list();
    assertThat(statuses).contains("RECEIVED", "INVESTIGATING", "RESPONDED", "CLOSED");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM service_case c WHERE NOT EXISTS (SELECT 1 FROM"
                        + " case_history h WHERE h.case_id = c.id)")
                .query(Long.class)
                .single())
        .isZero();
  }

  private long count() {
    return jdbc.sql("SELECT COUNT(*) FROM service_case").query(Long.class).single();
  }
}
