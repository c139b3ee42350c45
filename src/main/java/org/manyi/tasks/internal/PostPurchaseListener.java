package org.manyi.tasks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.manyi.orders.events.OrderPlaced;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Plans the post-purchase callback when an order arrives, after the order's transaction commits.
 * Safe to receive twice: the rule creates at most one callback per order.
 */
@Component
class PostPurchaseListener {

  private final PostPurchaseCallbacks callbacks;
  private final Clock clock = Clock.systemUTC();

  PostPurchaseListener(PostPurchaseCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @ApplicationModuleListener
  void on(OrderPlaced order) {
    // an imported old order gets no callback: it would be overdue the moment it is planned
    Instant due = order.orderedAt().plus(Duration.ofDays(callbacks.rule().delayDays()));
    if (due.isBefore(clock.instant().minus(Duration.ofDays(1)))) {
      return;
    }
    callbacks.createPostPurchaseCallback(
        order.customer(), order.order().value(), order.total(), order.orderedAt());
  }
}
