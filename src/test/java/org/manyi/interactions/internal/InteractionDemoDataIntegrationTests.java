package org.manyi.interactions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.UserId;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class InteractionDemoDataIntegrationTests {

  @Autowired InteractionDemoData demo;

  @Test
  void theSameSeedGivesTheSameInteractionsLoggedByTheOwnerInThePast() {
    Instant now = Instant.parse("2026-11-23T08:00:00Z");
    UserId owner = UserId.random();
    List<Interaction> all = new java.util.ArrayList<>();
    Random first = new Random(42);
    Random second = new Random(42);
    for (int i = 0; i < 20; i++) {
      CustomerSummary customer =
          new CustomerSummary(
              CustomerId.random(),
              "客户" + i,
              LifecycleStage.ACTIVE,
              "杭州市",
              owner,
              null,
              now.minus(Duration.ofDays(400)));
      List<Interaction> a = demo.generate(first, customer, now);
      assertThat(demo.generate(second, customer, now)).isEqualTo(a);
      all.addAll(a);
    }
    assertThat(all).isNotEmpty();
    assertThat(all)
        .allSatisfy(
            i -> {
              assertThat(i.loggedBy()).isEqualTo(owner);
              assertThat(i.occurredAt()).isBefore(now).isAfter(now.minus(Duration.ofDays(181)));
            });
  }
}
