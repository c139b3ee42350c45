package org.manyi.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manyi.customers.LifecycleStage.ACTIVE;
import static org.manyi.customers.LifecycleStage.DORMANT;
import static org.manyi.customers.LifecycleStage.LOST;
import static org.manyi.customers.LifecycleStage.NEW;
import static org.manyi.customers.LifecycleStage.PROSPECT;
import static org.manyi.customers.LifecycleStage.WON_BACK;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleTests {

  final Lifecycle lifecycle = new Lifecycle(new LifecycleProperties(90, 180, 365, "-"));
  final Instant now = Instant.parse("2026-11-23T00:00:00Z");

  Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }

  @Test
  void followsPurchasesThroughEveryStage() {
    assertThat(lifecycle.derive(null, null, null, now).stage()).isEqualTo(PROSPECT);
    assertThat(lifecycle.derive(null, daysAgo(10), daysAgo(10), now).stage()).isEqualTo(NEW);
    assertThat(lifecycle.derive(NEW, daysAgo(100), daysAgo(20), now).stage()).isEqualTo(ACTIVE);
    assertThat(lifecycle.derive(ACTIVE, daysAgo(400), daysAgo(180), now))
        .isEqualTo(new Lifecycle.Derived(DORMANT, "no-purchase-180d"));
    assertThat(lifecycle.derive(DORMANT, daysAgo(800), daysAgo(365), now).stage()).isEqualTo(LOST);
    assertThat(lifecycle.derive(DORMANT, daysAgo(800), daysAgo(0), now))
        .isEqualTo(new Lifecycle.Derived(WON_BACK, "won-back"));
    assertThat(lifecycle.derive(LOST, daysAgo(800), daysAgo(1), now).stage()).isEqualTo(WON_BACK);
    assertThat(lifecycle.derive(WON_BACK, daysAgo(800), daysAgo(30), now).stage())
        .isEqualTo(WON_BACK);
    assertThat(lifecycle.derive(WON_BACK, daysAgo(800), daysAgo(200), now).stage())
        .isEqualTo(DORMANT);
  }

  @Test
  void anOldFirstPurchaseImportedLateIsNotNew() {
    assertThat(lifecycle.derive(null, daysAgo(120), daysAgo(120), now).stage()).isEqualTo(ACTIVE);
    assertThat(lifecycle.derive(null, daysAgo(200), daysAgo(200), now).stage()).isEqualTo(DORMANT);
  }
}
