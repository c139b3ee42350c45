package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerIntake;
import org.manyi.customers.Customers;
import org.manyi.customers.NewCustomer;
import org.manyi.identity.CurrentUser;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;
import org.manyi.orders.events.OrderCancelled;
import org.manyi.orders.events.OrderPlaced;
import org.manyi.orders.events.OrderRefunded;
import org.manyi.platform.ProblemException;
import org.manyi.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes orders in from channels, one or up to {@value #MAX_BATCH} at a time, as an idempotent
 * upsert keyed by channel and external ID: a repeat answers "unchanged", a changed order is
 * revised, never duplicated. A batch is checked as a whole first (fields, duplicates within the
 * batch, customers), then the valid orders are written with JDBC batches in one transaction
 * together with the purchase summaries and lifecycle stages they change.
 */
@Service
@Transactional
public class OrderIngestion {

  public static final int MAX_BATCH = 10_000;

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(OrderIngestion.class);

  /** What happened to one order of a request. */
  public enum Outcome {
    /** A new order was stored. */
    CREATED,
    /** The order existed and changed. */
    UPDATED,
    /** The order existed exactly so; nothing was written. */
    UNCHANGED,
    /** The order was not taken, see the problems. */
    REJECTED
  }

  /** What to do when no customer matches the order's customer reference. */
  public enum UnknownCustomer {
    /** Register the buyer as a new customer owned by the caller. */
    CREATE,
    /** Reject the order. */
    REJECT
  }

  /** The outcome for the order at {@code index} of the request. */
  public record Result(
      int index, Outcome status, @Nullable OrderId id, List<FieldProblem> problems) {}

  private final OrderRepository orders;
  private final PurchaseSummaryBook summaries;
  private final StageDerivation stages;
  private final Customers customers;
  private final CustomerIntake intake;
  private final CustomerAccess access;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  OrderIngestion(
      OrderRepository orders,
      PurchaseSummaryBook summaries,
      StageDerivation stages,
      Customers customers,
      CustomerIntake intake,
      CustomerAccess access,
      ApplicationEventPublisher events) {
    this.orders = orders;
    this.summaries = summaries;
    this.stages = stages;
    this.customers = customers;
    this.intake = intake;
    this.access = access;
    this.events = events;
  }

  /**
   * One order.
   *
   * @throws ProblemException 400 naming every rejected field
   */
  public Result upsert(OrderInput input, UnknownCustomer unknown, CurrentUser me) {
    Result result = upsertAll(List.of(input), unknown, me).get(0);
    if (result.status() == Outcome.REJECTED) {
      throw new OrderProblems(result.problems());
    }
    return result;
  }

  /** Up to {@value #MAX_BATCH} orders; one result per order, in request order. */
  public List<Result> upsertAll(List<OrderInput> inputs, UnknownCustomer unknown, CurrentUser me) {
    if (inputs.size() > MAX_BATCH) {
      throw ProblemException.invalid("body", "orders.batch.tooLarge", MAX_BATCH);
    }
    Instant now = clock.instant();
    Result[] results = new Result[inputs.size()];
    Map<Integer, OrderDraft> drafts = new java.util.TreeMap<>();
    Map<String, Integer> firstByKey = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      OrderInput in = inputs.get(i);
      if (in == null) {
        results[i] = rejected(i, new FieldProblem("body", "orders.field.required"));
        continue;
      }
      OrderRules.Checked checked = OrderRules.check(in);
      if (checked.draft() == null) {
        results[i] = new Result(i, Outcome.REJECTED, null, checked.problems());
        continue;
      }
      Integer first = firstByKey.putIfAbsent(checked.draft().key(), i);
      if (first != null) {
        results[i] = rejected(i, new FieldProblem("externalId", "orders.batch.duplicate", first));
        continue;
      }
      drafts.put(i, checked.draft());
    }
    long t0 = System.nanoTime();
    Map<Integer, CustomerId> buyers = resolve(drafts, unknown, me, results);
    long t1 = System.nanoTime();
    Map<String, OrderRepository.Stored> existing = orders.findByKeys(drafts.values());
    long t2 = System.nanoTime();

    List<Order> created = new ArrayList<>();
    List<Order> updated = new ArrayList<>();
    Set<CustomerId> touched = new LinkedHashSet<>();
    List<Object> published = new ArrayList<>();
    for (Map.Entry<Integer, OrderDraft> e : drafts.entrySet()) {
      int i = e.getKey();
      CustomerId buyer = buyers.get(i);
      if (buyer == null) {
        continue; // rejected while resolving
      }
      OrderDraft draft = e.getValue();
      OrderRepository.Stored before = existing.get(draft.key());
      Order order;
      try {
        order =
            Order.of(draft, buyer, before == null ? null : before.order(), OrderId.random(), now);
      } catch (OrderProblems problems) {
        results[i] = new Result(i, Outcome.REJECTED, null, problems.fields());
        continue;
      }
      if (before == null) {
        created.add(order);
        touched.add(buyer);
        results[i] = new Result(i, Outcome.CREATED, order.id(), List.of());
        placed(order, published);
      } else if (before.hash().equals(order.contentHash())) {
        results[i] = new Result(i, Outcome.UNCHANGED, order.id(), List.of());
      } else {
        updated.add(order);
        touched.add(buyer);
        if (before.order().customer() != null) {
          touched.add(before.order().customer());
        }
        results[i] = new Result(i, Outcome.UPDATED, order.id(), List.of());
        revised(before.order(), order, published);
      }
    }
    long t3 = System.nanoTime();
    orders.insertAll(created);
    orders.updateAll(updated);
    long t4 = System.nanoTime();
    summaries.refresh(touched);
    long t5 = System.nanoTime();
    int moved = stages.apply(touched, now);
    long t6 = System.nanoTime();
    if (log.isDebugEnabled()) {
      log.debug(
          "{} orders in ms: customers {}, lookup {}, rules {}, write {}, summaries {}, stages {}"
              + " ({} moved)",
          inputs.size(),
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000,
          (t5 - t4) / 1_000_000,
          (t6 - t5) / 1_000_000,
          moved);
    }
    published.forEach(events::publishEvent);
    return List.of(results);
  }

  private static Result rejected(int index, FieldProblem problem) {
    return new Result(index, Outcome.REJECTED, null, List.of(problem));
  }

  private static void placed(Order order, List<Object> published) {
    CustomerId customer = Objects.requireNonNull(order.customer());
    if (order.status() != OrderStatus.CANCELLED) {
      published.add(
          new OrderPlaced(
              order.id(),
              customer,
              order.externalId(),
              order.channel(),
              order.total(),
              order.currency(),
              order.orderedAt()));
    }
    if (order.refunded().signum() > 0 && order.status() != OrderStatus.CANCELLED) {
      published.add(refunded(order, order.refunded()));
    }
  }

  private static void revised(Order before, Order after, List<Object> published) {
    CustomerId customer = Objects.requireNonNull(after.customer());
    if (after.status() == OrderStatus.CANCELLED && before.status() != OrderStatus.CANCELLED) {
      published.add(
          new OrderCancelled(after.id(), customer, after.externalId(), after.updatedAt()));
    } else if (after.status() != OrderStatus.CANCELLED
        && after.refunded().compareTo(before.refunded()) > 0) {
      published.add(refunded(after, after.refunded().subtract(before.refunded())));
    }
  }

  static OrderRefunded refunded(Order order, BigDecimal amount) {
    Instant at =
        order.refunds().isEmpty()
            ? order.updatedAt()
            : order.refunds().get(order.refunds().size() - 1).at();
    return new OrderRefunded(
        order.id(),
        Objects.requireNonNull(order.customer()),
        amount,
        order.refunded(),
        order.currency(),
        order.status(),
        at);
  }

  /**
   * Finds the buyer of every draft by Manyi ID, else external customer ID, else phone; registers
   * unknown buyers or rejects their orders. Customers outside the caller's data scope count as
   * unknown.
   */
  private Map<Integer, CustomerId> resolve(
      Map<Integer, OrderDraft> drafts, UnknownCustomer unknown, CurrentUser me, Result[] results) {
    Set<String> externalIds = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    for (OrderDraft d : drafts.values()) {
      if (d.customerId() == null) {
        if (d.customerExternalId() != null) {
          externalIds.add(d.customerExternalId());
        } else if (d.customerPhone() != null) {
          phones.add(d.customerPhone());
        }
      }
    }
    Map<String, CustomerId> byExternalId =
        new HashMap<>(externalIds.isEmpty() ? Map.of() : customers.findByExternalIds(externalIds));
    Map<String, CustomerId> byPhone =
        new HashMap<>(phones.isEmpty() ? Map.of() : customers.findByPhones(phones));
    boolean seesAll = "1=1".equals(access.condition(me, "o.customer_id").sql());
    Map<CustomerId, Boolean> visible = new HashMap<>();
    Map<Integer, CustomerId> buyers = new HashMap<>();
    for (Map.Entry<Integer, OrderDraft> e : drafts.entrySet()) {
      int i = e.getKey();
      OrderDraft d = e.getValue();
      String field;
      CustomerId found;
      if (d.customerId() != null) {
        field = "customerId";
        CustomerId id = new CustomerId(d.customerId());
        found =
            visible.computeIfAbsent(
                    id, c -> seesAll ? customers.find(c).isPresent() : access.canRead(me, c))
                ? id
                : null;
        if (found == null) {
          results[i] = rejected(i, new FieldProblem(field, "orders.customer.unknown"));
          continue;
        }
      } else {
        field = d.customerExternalId() != null ? "customerExternalId" : "customerPhone";
        found =
            d.customerExternalId() != null
                ? byExternalId.get(d.customerExternalId())
                : byPhone.get(d.customerPhone());
        if (found != null
            && !seesAll
            && !visible.computeIfAbsent(found, c -> access.canRead(me, c))) {
          results[i] = rejected(i, new FieldProblem(field, "orders.customer.unknown"));
          continue;
        }
        if (found == null) {
          if (unknown == UnknownCustomer.REJECT) {
            results[i] = rejected(i, new FieldProblem(field, "orders.customer.unknown"));
            continue;
          }
          Optional<CustomerId> registered = register(d, me, results, i);
          if (registered.isEmpty()) {
            continue;
          }
          found = registered.get();
          if (d.customerExternalId() != null) {
            byExternalId.put(d.customerExternalId(), found);
          } else {
            byPhone.put(d.customerPhone(), found);
          }
          visible.put(found, true);
        }
      }
      buyers.put(i, found);
    }
    return buyers;
  }

  private Optional<CustomerId> register(OrderDraft d, CurrentUser me, Result[] results, int i) {
    String name =
        d.customerName() != null
            ? d.customerName()
            : d.customerExternalId() != null ? d.customerExternalId() : d.customerPhone();
    try {
      return Optional.of(
          intake.register(
              new NewCustomer(
                  Objects.requireNonNull(name),
                  d.customerPhone(),
                  null,
                  d.customerExternalId(),
                  d.channel()),
              me.id()));
    } catch (ProblemException e) {
      String field =
          e.firstField() != null && e.firstField().field().toLowerCase().contains("phone")
              ? "customerPhone"
              : "customerName";
      results[i] = rejected(i, new FieldProblem(field, "orders.customer.invalid"));
      return Optional.empty();
    }
  }
}
