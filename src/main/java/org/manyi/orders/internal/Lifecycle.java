package org.manyi.orders.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;

/**
 * The lifecycle stage that purchases imply. Without a purchase a customer is a prospect; without
 * one for {@code lostDays} lost, for {@code dormantDays} dormant; a customer who buys again after
 * being dormant or lost is won back (and stays so until dormant again); otherwise new while the
 * first purchase is at most {@code newDays} old, then active.
 */
final class Lifecycle {

  /** A stage with the short machine-readable cause recorded in the stage history. */
  record Derived(LifecycleStage stage, String reason) {}

  private final LifecycleProperties thresholds;

  Lifecycle(LifecycleProperties thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param previous the stage last derived for the customer, null if none was yet
   * @param first the first purchase, null when there is none
   * @param last the latest purchase, null when there is none
   */
  Derived derive(
      @Nullable LifecycleStage previous,
      @Nullable Instant first,
      @Nullable Instant last,
      Instant now) {
    if (first == null || last == null) {
      return new Derived(LifecycleStage.PROSPECT, "no-purchase");
    }
    long idle = Duration.between(last, now).toDays();
    if (idle >= thresholds.lostDays()) {
      return new Derived(LifecycleStage.LOST, "no-purchase-" + thresholds.lostDays() + "d");
    }
    if (idle >= thresholds.dormantDays()) {
      return new Derived(LifecycleStage.DORMANT, "no-purchase-" + thresholds.dormantDays() + "d");
    }
    if (previous == LifecycleStage.DORMANT
        || previous == LifecycleStage.LOST
        || previous == LifecycleStage.WON_BACK) {
      return new Derived(LifecycleStage.WON_BACK, "won-back");
    }
    if (Duration.between(first, now).toDays() < thresholds.newDays()) {
      return new Derived(LifecycleStage.NEW, "first-purchase");
    }
    return new Derived(
        LifecycleStage.ACTIVE, previous == LifecycleStage.NEW ? "new-days-passed" : "purchase");
  }
}
