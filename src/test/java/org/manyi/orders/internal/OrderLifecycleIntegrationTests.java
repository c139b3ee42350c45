package org.manyi.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerIntake;
import org.manyi.customers.CustomerStages;
import org.manyi.customers.Customers;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.NewCustomer;
import org.manyi.customers.StageChange;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.Users;
import org.springframework.beans.factory.annotation.Autowired;

/** Stages derived from purchases: order-driven at once, time-based in the once-a-day run. */
@IntegrationTest
class OrderLifecycleIntegrationTests {

  @Autowired OrderIngestion ingestion;
  @Autowired StageDerivation derivation;
  @Autowired DailyRuns runs;
  @Autowired CustomerIntake intake;
  @Autowired Customers customers;
  @Autowired CustomerStages stages;
  @Autowired Users users;

  CurrentUser admin() {
    var admin = users.findByUsername("admin").orElseThrow();
    return new CurrentUser(admin.id(), "admin", "admin", Set.of(Role.ADMIN), null, false);
  }

  CustomerId customer() {
    String phone = "137" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    return intake.register(new NewCustomer("周杰", phone, null, null, null), admin().id());
  }

  static OrderInput order(CustomerId customer, Instant at) {
    return new OrderInput(
        "L" + UUID.randomUUID(),
        customer.toString(),
        null,
        null,
        null,
        at.atOffset(ZoneOffset.ofHours(8)).toString(),
        "STORE",
        "南京西路店",
        List.of(new OrderInput.ItemInput("SKU1", "面霜", "美妆", 1, new BigDecimal("399.00"))),
        null,
        null,
        null,
        null,
        null);
  }

  LifecycleStage stage(CustomerId id) {
    return customers.find(id).orElseThrow().stage();
  }

  @Test
  void
      aCustomerWithoutOrdersBeyondTheDormantThresholdBecomesDormantAtTheDailyRunAndWonBackOnTheNextOrder() {
    Instant now = Instant.now();
    CustomerId id = customer();
    assertThat(stage(id)).isEqualTo(LifecycleStage.PROSPECT);

    ingestion.upsert(
        order(id, now.minus(Duration.ofDays(2))), OrderIngestion.UnknownCustomer.REJECT, admin());
    assertThat(stage(id)).isEqualTo(LifecycleStage.NEW);

    // 100 days later the daily run: no longer new
    derivation.ageAll(now.plus(Duration.ofDays(100)));
    assertThat(stage(id)).isEqualTo(LifecycleStage.ACTIVE);
    // 190 days after the purchase: dormant
    derivation.ageAll(now.plus(Duration.ofDays(190)));
    assertThat(stage(id)).isEqualTo(LifecycleStage.DORMANT);
    assertThat(stages.history(id).get(0).reason()).isEqualTo("no-purchase-180d");

    ingestion.upsert(order(id, now), OrderIngestion.UnknownCustomer.REJECT, admin());
    assertThat(stage(id)).isEqualTo(LifecycleStage.WON_BACK);
    assertThat(stages.history(id))
        .extracting(StageChange::to)
        // history is by time of change, and the daily runs above pretended to be in the future
        .containsExactlyInAnyOrder(
            LifecycleStage.WON_BACK,
            LifecycleStage.DORMANT,
            LifecycleStage.ACTIVE,
            LifecycleStage.NEW);
  }

  @Test
  void anOrderFarInThePastLeavesTheCustomerLost() {
    CustomerId id = customer();
    ingestion.upsert(
        order(id, Instant.now().minus(Duration.ofDays(400))),
        OrderIngestion.UnknownCustomer.REJECT,
        admin());
    assertThat(stage(id)).isEqualTo(LifecycleStage.LOST);
  }

  @Test
  void theDailyRunRunsOncePerDayAcrossInstances() {
    String name = "test-" + UUID.randomUUID();
    LocalDate day = LocalDate.of(2030, 1, 1);
    assertThat(runs.claim(name, day, Instant.now())).isTrue();
    assertThat(runs.claim(name, day, Instant.now())).isFalse();
    assertThat(runs.claim(name, day.plusDays(1), Instant.now())).isTrue();
  }
}
