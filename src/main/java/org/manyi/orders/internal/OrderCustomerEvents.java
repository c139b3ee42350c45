package org.manyi.orders.internal;

import java.time.Clock;
import java.util.List;
import org.manyi.customers.events.CustomerDeleted;
import org.manyi.customers.events.CustomerMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps orders attached to the right customer. A merge moves the merged record's orders to the
 * survivor and recomputes both summaries; a deletion keeps the orders (revenue figures must not
 * change when a person asks to be forgotten) but detaches them from the customer and drops the
 * summary. Both are idempotent: run twice, they find nothing more to move.
 */
@Component
class OrderCustomerEvents {

  private final OrderRepository orders;
  private final PurchaseSummaryBook summaries;
  private final StageDerivation stages;
  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();

  OrderCustomerEvents(
      OrderRepository orders,
      PurchaseSummaryBook summaries,
      StageDerivation stages,
      JdbcClient jdbc) {
    this.orders = orders;
    this.summaries = summaries;
    this.stages = stages;
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(CustomerMerged event) {
    orders.moveCustomer(event.merged(), event.survivor());
    summaries.refresh(List.of(event.merged(), event.survivor()));
    forgetStage(event.merged());
    stages.apply(List.of(event.survivor()), clock.instant());
  }

  @ApplicationModuleListener
  void on(CustomerDeleted event) {
    orders.detach(event.customer());
    summaries.drop(event.customer());
    forgetStage(event.customer());
  }

  private void forgetStage(org.manyi.customers.CustomerId customer) {
    jdbc.sql("DELETE FROM order_customer_stage WHERE customer_id = ?")
        .param(customer.value())
        .update();
  }
}
