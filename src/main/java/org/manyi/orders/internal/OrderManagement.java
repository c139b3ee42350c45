package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.customers.ScopeCondition;
import org.manyi.identity.CurrentUser;
import org.manyi.orders.OrderId;
import org.manyi.orders.PurchaseSummary;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders as users see them, within their customer data scope: an order of a customer outside the
 * scope answers 404 as if it did not exist; orders of deleted customers only admins see. Refunds
 * and the operations (summary rebuild, lifecycle run) are here too.
 */
@Service
@Transactional
public class OrderManagement {

  public static final String REBUILD_JOB = "purchase-summary-rebuild";
  public static final String LIFECYCLE_JOB = "lifecycle-run";

  /** Most buyers a name in the order search stands for; a more precise name narrows it. */
  static final int BUYERS_BY_NAME = 500;

  private final OrderRepository orders;
  private final PurchaseSummaryBook summaries;
  private final StageDerivation stages;
  private final Customers customers;
  private final CustomerAccess access;
  private final ApplicationEventPublisher events;
  private final Jobs jobs;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  OrderManagement(
      OrderRepository orders,
      PurchaseSummaryBook summaries,
      StageDerivation stages,
      Customers customers,
      CustomerAccess access,
      ApplicationEventPublisher events,
      Jobs jobs,
      org.springframework.transaction.support.TransactionTemplate transactions) {
    this.orders = orders;
    this.summaries = summaries;
    this.stages = stages;
    this.customers = customers;
    this.access = access;
    this.events = events;
    this.jobs = jobs;
    this.transactions = transactions;
  }

  /** An order with the name of its customer, for pages and the API. */
  public record OrderView(Order order, @Nullable String customerName) {}

  /** A row of an order list with the name of its customer. */
  public record OrderListItem(OrderRow order, @Nullable String customerName) {}

  /**
   * @throws ProblemException 404 when the order does not exist or is outside the scope
   */
  @Transactional(readOnly = true)
  public OrderView get(OrderId id, CurrentUser me) {
    Order order =
        orders.find(id).filter(o -> visible(o, me)).orElseThrow(OrderManagement::notFound);
    return new OrderView(order, name(order.customer()));
  }

  private boolean visible(Order order, CurrentUser me) {
    return order.customer() == null ? seesAll(me) : access.canRead(me, order.customer());
  }

  private boolean seesAll(CurrentUser me) {
    return "1=1".equals(access.condition(me, "o.customer_id").sql());
  }

  private static ProblemException notFound() {
    return ProblemException.notFound("orders.notFound");
  }

  private @Nullable String name(@Nullable CustomerId customer) {
    return customer == null
        ? null
        : customers.find(customer).map(CustomerSummary::name).orElse(null);
  }

  /** Orders matching the filter within the scope, sorted and paged. */
  @Transactional(readOnly = true)
  public PageResult<OrderListItem> search(
      OrderFilter filter, OrderSort sort, boolean desc, PageRequest page, CurrentUser me) {
    ScopeCondition scope = access.condition(me, "o.customer_id");
    StringBuilder where = new StringBuilder(scope.sql());
    List<Object> params = new ArrayList<>(scope.params());
    if (filter.channel() != null) {
      where.append(" AND o.channel = ?");
      params.add(filter.channel().toUpperCase(java.util.Locale.ROOT));
    }
    if (filter.status() != null) {
      where.append(" AND o.status = ?");
      params.add(filter.status().name());
    }
    if (filter.from() != null) {
      where.append(" AND o.ordered_at >= ?");
      params.add(
          org.manyi.shared.Times.toDb(
              filter.from().atStartOfDay(PurchaseSummaryBook.ZONE).toInstant()));
    }
    if (filter.to() != null) {
      where.append(" AND o.ordered_at < ?");
      params.add(
          org.manyi.shared.Times.toDb(
              filter.to().plusDays(1).atStartOfDay(PurchaseSummaryBook.ZONE).toInstant()));
    }
    if (filter.customer() != null) {
      where.append(" AND o.customer_id = ?");
      params.add(filter.customer());
    }
    if (filter.q() != null) {
      // an order number, or a buyer found by phone, external customer ID or name
      Set<CustomerId> buyers = new LinkedHashSet<>();
      buyers.addAll(customers.findByPhones(List.of(filter.q())).values());
      buyers.addAll(customers.findByExternalIds(List.of(filter.q())).values());
      buyers.addAll(customers.findByName(filter.q(), BUYERS_BY_NAME));
      where.append(" AND (o.external_id LIKE ?");
      params.add(filter.q().replace("%", "").replace("_", "") + "%");
      if (!buyers.isEmpty()) {
        where.append(" OR o.customer_id IN (");
        where.append(String.join(", ", java.util.Collections.nCopies(buyers.size(), "?")));
        where.append(")");
        buyers.forEach(b -> params.add(b.value()));
      }
      where.append(")");
    }
    long total = orders.count(where.toString(), params);
    List<OrderRow> rows =
        orders.list(where.toString(), params, sort.orderBy(desc), page.offset(), page.size());
    Map<CustomerId, Optional<String>> names = new HashMap<>();
    List<OrderListItem> items =
        rows.stream()
            .map(
                r ->
                    new OrderListItem(
                        r,
                        r.customer() == null
                            ? null
                            : names
                                .computeIfAbsent(r.customer(), c -> Optional.ofNullable(name(c)))
                                .orElse(null)))
            .toList();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** A customer's orders, newest first; 404 when the customer is outside the scope. */
  @Transactional(readOnly = true)
  public PageResult<OrderListItem> ofCustomer(
      CustomerId customer, PageRequest page, CurrentUser me) {
    requireCustomer(customer, me);
    return search(
        new OrderFilter(null, null, null, null, null, customer.value()),
        OrderSort.ORDERED,
        true,
        page,
        me);
  }

  /** The customer's purchase summary; empty when none; 404 when outside the scope. */
  @Transactional(readOnly = true)
  public Optional<PurchaseSummary> summary(CustomerId customer, CurrentUser me) {
    requireCustomer(customer, me);
    return summaries.find(customer);
  }

  /** The customer as others see it; 404 when outside the scope. */
  @Transactional(readOnly = true)
  public CustomerSummary requireCustomer(CustomerId customer, CurrentUser me) {
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("orders.customer.notFound");
    }
    return customers.find(customer).orElseThrow(OrderManagement::notFound);
  }

  /**
   * Records a refund; the status, the summary and the lifecycle stage follow.
   *
   * @param at when the money went back; now when null
   */
  public Order refund(
      OrderId id,
      @Nullable BigDecimal amount,
      @Nullable Instant at,
      @Nullable String reason,
      CurrentUser me) {
    Order order = get(id, me).order();
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    BigDecimal checked = OrderRules.positive(amount, "amount", problems);
    if (reason != null && reason.length() > 255) {
      problems.add(new ProblemException.FieldProblem("reason", "orders.field.tooLong", 255));
    }
    if (!problems.isEmpty() || checked == null) {
      throw new OrderProblems(problems);
    }
    Instant now = clock.instant();
    Order after =
        order.refund(
            checked,
            at == null ? now : at,
            reason == null || reason.isBlank() ? null : reason.strip(),
            now);
    orders.updateAll(List.of(after));
    if (after.customer() != null) {
      summaries.refresh(List.of(after.customer()));
      stages.apply(List.of(after.customer()), now);
      events.publishEvent(OrderIngestion.refunded(after, checked));
    }
    return after;
  }

  /** The channels orders came through, for filters. */
  @Transactional(readOnly = true)
  public List<String> channels() {
    return orders.channels();
  }

  /** Starts a full rebuild of the purchase summaries as a job; returns the job's ID. */
  public java.util.UUID startRebuild(String owner) {
    return jobs.submit(
        REBUILD_JOB,
        owner,
        job -> {
          job.total(1);
          Integer count = transactions.execute(status -> summaries.rebuildAll());
          job.processed(1);
          job.message("purchase summaries rebuilt: " + count + " customers");
          job.result(Map.of("customers", count == null ? 0 : count));
        });
  }

  /** Starts the lifecycle run (time-based stage moves) now as a job; returns the job's ID. */
  public java.util.UUID startLifecycleRun(String owner) {
    return jobs.submit(
        LIFECYCLE_JOB,
        owner,
        job -> {
          job.total(1);
          Integer moved = transactions.execute(status -> stages.ageAll(clock.instant()));
          job.processed(1);
          job.message("lifecycle stages: " + moved + " customers moved");
          job.result(Map.of("moved", moved == null ? 0 : moved));
        });
  }
}
