/**
 * Orders from every channel and what follows from them: the order record (external ID unique per
 * source channel, line items, discount, total, currency, status and refunds) taken in one by one or
 * in batches through an idempotent upsert; the purchase summary per customer kept up to date in the
 * same transaction and rebuildable from the orders; the customer's lifecycle stage derived from
 * purchases (order-driven at once, time-based in a daily run); order pages and the orders on the
 * customer 360 timeline.
 *
 * <p>Its base package is the API for other modules: {@link org.manyi.orders.OrderId}, the {@link
 * org.manyi.orders.PurchaseSummaries} query interface and its records; events are in {@code
 * events}.
 */
@ApplicationModule(
    displayName = "Orders",
    allowedDependencies = {"platform", "shared", "identity", "customers", "customers::events"})
@NullMarked
package org.manyi.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
