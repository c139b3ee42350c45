package org.manyi.orders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;
import org.manyi.orders.PurchaseSummary;
import org.manyi.orders.internal.OrderFilter;
import org.manyi.orders.internal.OrderIngestion;
import org.manyi.orders.internal.OrderIngestion.Outcome;
import org.manyi.orders.internal.OrderIngestion.UnknownCustomer;
import org.manyi.orders.internal.OrderInput;
import org.manyi.orders.internal.OrderManagement;
import org.manyi.orders.internal.OrderSort;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders as JSON: single and batch upsert, reads, refunds and the purchase summary. Reads work
 * within the caller's customer data scope: an order of a customer outside it answers 404.
 */
@RestController
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
@Tag(name = "Orders", description = "Orders, refunds and purchase summaries")
class OrderApiController {

  private final OrderIngestion ingestion;
  private final OrderManagement orders;
  private final MessageSource messages;

  OrderApiController(OrderIngestion ingestion, OrderManagement orders, MessageSource messages) {
    this.ingestion = ingestion;
    this.orders = orders;
    this.messages = messages;
  }

  @PostMapping("/api/v1/orders")
  @PreAuthorize("hasAuthority('PERM_ORDERS_MANAGE')")
  @Operation(
      summary =
          "Create or update an order (idempotent upsert by channel and externalId): 201 when new,"
              + " 200 when it existed (changed or not); unknownCustomer CREATE registers an"
              + " unknown buyer, REJECT (default) answers 400")
  ResponseEntity<OrderResource> upsert(
      @RequestBody OrderInput order,
      @RequestParam(defaultValue = "REJECT") UnknownCustomer unknownCustomer,
      CurrentUser me) {
    OrderIngestion.Result result = ingestion.upsert(order, unknownCustomer, me);
    OrderResource body =
        OrderResource.of(orders.get(java.util.Objects.requireNonNull(result.id()), me));
    return result.status() == Outcome.CREATED
        ? ResponseEntity.created(URI.create("/api/v1/orders/" + body.id())).body(body)
        : ResponseEntity.ok(body);
  }

  /** A rejected field of one order of a batch. */
  record Problem(String field, String code, String message) {}

  /** The outcome of one order of a batch. */
  record BatchItem(int index, String status, @Nullable UUID id, List<Problem> problems) {}

  /** The outcome of a batch: counts per status and one result per order, in request order. */
  record BatchResult(
      int created, int updated, int unchanged, int rejected, List<BatchItem> results) {}

  @PostMapping("/api/v1/orders/batch")
  @PreAuthorize("hasAuthority('PERM_ORDERS_MANAGE')")
  @Operation(
      summary =
          "Create or update up to 10,000 orders in one call, checked as a whole; answers 200 with"
              + " one result per order (index, status created/updated/unchanged/rejected, id,"
              + " problems); valid orders are stored even when others are rejected")
  BatchResult batch(
      @RequestBody @Nullable List<OrderInput> batch,
      @RequestParam(defaultValue = "REJECT") UnknownCustomer unknownCustomer,
      CurrentUser me) {
    if (batch == null) {
      throw ProblemException.invalid("body", "orders.batch.array");
    }
    List<OrderIngestion.Result> results = ingestion.upsertAll(batch, unknownCustomer, me);
    int[] counts = new int[Outcome.values().length];
    List<BatchItem> items =
        results.stream()
            .map(
                r -> {
                  counts[r.status().ordinal()]++;
                  return new BatchItem(
                      r.index(),
                      r.status().name().toLowerCase(java.util.Locale.ROOT),
                      r.id() == null ? null : r.id().value(),
                      r.problems().stream()
                          .map(
                              p ->
                                  new Problem(
                                      p.field(),
                                      p.code(),
                                      messages.getMessage(
                                          p.code(),
                                          p.args(),
                                          p.code(),
                                          LocaleContextHolder.getLocale())))
                          .toList());
                })
            .toList();
    return new BatchResult(
        counts[Outcome.CREATED.ordinal()],
        counts[Outcome.UPDATED.ordinal()],
        counts[Outcome.UNCHANGED.ordinal()],
        counts[Outcome.REJECTED.ordinal()],
        items);
  }

  @GetMapping("/api/v1/orders/{id}")
  @Operation(summary = "One order with its items and refunds")
  OrderResource one(@PathVariable UUID id, CurrentUser me) {
    return OrderResource.of(orders.get(new OrderId(id), me));
  }

  @GetMapping("/api/v1/orders")
  @Operation(
      summary =
          "Orders, paged and sorted (sort ordered|total|channel|status); q finds an order number"
              + " (or its start) or a buyer by phone or external customer ID; from/to are order"
              + " days in China Standard Time")
  PageResult<OrderListResource> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String channel,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable UUID customerId,
      @RequestParam(defaultValue = "ordered") String sort,
      @RequestParam(defaultValue = "true") boolean desc,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser me) {
    return orders
        .search(
            new OrderFilter(blank(q), blank(channel), status, from, to, customerId),
            OrderSort.parse(sort),
            desc,
            PageRequest.of(page, size),
            me)
        .map(OrderListResource::of);
  }

  @GetMapping("/api/v1/customers/{id}/orders")
  @Operation(summary = "A customer's orders, newest first")
  PageResult<OrderListResource> ofCustomer(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser me) {
    return orders
        .ofCustomer(new CustomerId(id), PageRequest.of(page, size), me)
        .map(OrderListResource::of);
  }

  /** A refund to record; {@code refundedAt} defaults to now. */
  record RefundRequest(
      @Nullable BigDecimal amount, @Nullable String refundedAt, @Nullable String reason) {}

  @PostMapping("/api/v1/orders/{id}/refunds")
  @PreAuthorize("hasAuthority('PERM_ORDERS_MANAGE')")
  @Operation(
      summary =
          "Record a refund (201 with the order); the status, the purchase summary and the"
              + " lifecycle stage follow. More than is left to refund answers 409")
  ResponseEntity<OrderResource> refund(
      @PathVariable UUID id, @RequestBody RefundRequest request, CurrentUser me) {
    Instant at = null;
    if (request.refundedAt() != null && !request.refundedAt().isBlank()) {
      try {
        at = java.time.OffsetDateTime.parse(request.refundedAt().strip()).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw ProblemException.invalid("refundedAt", "orders.dateTime.invalid");
      }
    }
    orders.refund(new OrderId(id), request.amount(), at, request.reason(), me);
    return ResponseEntity.created(URI.create("/api/v1/orders/" + id))
        .body(OrderResource.of(orders.get(new OrderId(id), me)));
  }

  /** A customer's purchase summary; counts are zero and dates absent before the first purchase. */
  record SummaryResource(
      UUID customerId,
      @Nullable Instant firstPurchaseAt,
      @Nullable Instant lastPurchaseAt,
      int orderCount,
      BigDecimal totalSpend,
      BigDecimal averageSpend,
      Map<String, BigDecimal> spendByCategory,
      @Nullable String lastChannel,
      String stage) {}

  @GetMapping("/api/v1/customers/{id}/summary")
  @Operation(
      summary =
          "A customer's purchase summary: first and last purchase, order count, total and average"
              + " spend net of refunds, spend by category, last channel, lifecycle stage")
  SummaryResource summary(@PathVariable UUID id, CurrentUser me) {
    CustomerId customer = new CustomerId(id);
    String stage = orders.requireCustomer(customer, me).stage().name();
    return orders
        .summary(customer, me)
        .map(s -> resource(s, stage))
        .orElseGet(
            () ->
                new SummaryResource(
                    id,
                    null,
                    null,
                    0,
                    BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2),
                    Map.of(),
                    null,
                    stage));
  }

  private static SummaryResource resource(PurchaseSummary s, String stage) {
    return new SummaryResource(
        s.customer().value(),
        s.firstPurchaseAt(),
        s.lastPurchaseAt(),
        s.orderCount(),
        s.totalSpend(),
        s.averageSpend(),
        s.spendByCategory(),
        s.lastChannel(),
        stage);
  }

  /** Answer of a started job. */
  record JobStarted(UUID jobId) {}

  @PostMapping("/api/v1/orders/summaries/rebuild")
  @PreAuthorize("hasAuthority('PERM_OPERATIONS')")
  @Operation(summary = "Rebuild every purchase summary from the orders as a job (202 with its id)")
  ResponseEntity<JobStarted> rebuild(CurrentUser me) {
    UUID job = orders.startRebuild(me.username());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/jobs/" + job))
        .body(new JobStarted(job));
  }

  @PostMapping("/api/v1/orders/lifecycle/run")
  @PreAuthorize("hasAuthority('PERM_OPERATIONS')")
  @Operation(
      summary =
          "Run the time-based lifecycle stage moves (normally daily) now as a job (202 with its"
              + " id)")
  ResponseEntity<JobStarted> lifecycle(CurrentUser me) {
    UUID job = orders.startLifecycleRun(me.username());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/jobs/" + job))
        .body(new JobStarted(job));
  }

  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
