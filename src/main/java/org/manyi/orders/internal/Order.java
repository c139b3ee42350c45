package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;
import org.manyi.platform.ProblemException;
import org.manyi.platform.ProblemException.FieldProblem;

/**
 * An order: what a customer bought through a channel, what it cost and what was given back. The
 * status follows the refunds (paid, partially refunded, refunded) unless the order is cancelled;
 * refunds never exceed the total.
 *
 * @param customer null once the customer was deleted (the order stays for the sales figures)
 */
public record Order(
    OrderId id,
    String channel,
    String externalId,
    @Nullable CustomerId customer,
    @Nullable String store,
    Instant orderedAt,
    String currency,
    List<OrderLine> lines,
    BigDecimal discount,
    BigDecimal total,
    List<Refund> refunds,
    OrderStatus status,
    Instant createdAt,
    Instant updatedAt) {

  public Order {
    lines = List.copyOf(lines);
    refunds = refunds.stream().sorted(Comparator.comparing(Refund::at)).toList();
  }

  /**
   * The order as a channel describes it now: a new order when {@code existing} is null, else the
   * existing one revised (same ID and creation time). Refunds the draft does not mention stay.
   *
   * @throws OrderProblems when the reported status or refunds contradict the total
   */
  public static Order of(
      OrderDraft draft, CustomerId customer, @Nullable Order existing, OrderId id, Instant now) {
    List<Refund> refunds =
        draft.refunds() != null
            ? draft.refunds()
            : existing == null ? List.of() : existing.refunds();
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal refunded = sum(refunds);
    OrderStatus status;
    if (draft.status() == OrderStatus.CANCELLED) {
      status = OrderStatus.CANCELLED;
    } else {
      if (draft.status() == OrderStatus.REFUNDED && refunded.compareTo(draft.total()) < 0) {
        // a channel that reports "refunded" without the refunds: the rest was given back
        Instant at =
            refunds.stream()
                .map(Refund::at)
                .max(Comparator.naturalOrder())
                .orElse(draft.orderedAt());
        refunds = new ArrayList<>(refunds);
        refunds.add(new Refund(at, draft.total().subtract(refunded), null));
        refunded = draft.total();
      }
      if (refunded.compareTo(draft.total()) > 0) {
        problems.add(
            new FieldProblem(
                "refunds", "orders.refund.exceedsPaid", draft.total().toPlainString()));
      }
      for (int i = 0; i < refunds.size(); i++) {
        if (refunds.get(i).at().isBefore(draft.orderedAt())) {
          problems.add(
              new FieldProblem("refunds[" + i + "].refundedAt", "orders.refund.beforeOrder"));
        }
      }
      status = statusFor(draft.total(), refunded);
      if (draft.status() == OrderStatus.PARTIALLY_REFUNDED && status != draft.status()) {
        problems.add(new FieldProblem("status", "orders.status.refundsRequired"));
      } else if (draft.status() == OrderStatus.PAID
          && draft.refunds() != null
          && !draft.refunds().isEmpty()) {
        problems.add(new FieldProblem("status", "orders.status.contradictsRefunds"));
      }
    }
    if (!problems.isEmpty()) {
      throw new OrderProblems(problems);
    }
    return new Order(
        existing == null ? id : existing.id(),
        draft.channel(),
        draft.externalId(),
        customer,
        draft.store(),
        draft.orderedAt(),
        draft.currency(),
        draft.lines(),
        draft.discount(),
        draft.total(),
        refunds,
        status,
        existing == null ? now : existing.createdAt(),
        now);
  }

  /**
   * Gives back {@code amount} of a paid order.
   *
   * @throws ProblemException 409 when the order is cancelled or fully refunded, or the amount
   *     exceeds what is left
   */
  public Order refund(BigDecimal amount, Instant at, @Nullable String reason, Instant now) {
    if (status == OrderStatus.CANCELLED) {
      throw ProblemException.conflict("order-cancelled", "orders.refund.cancelled");
    }
    BigDecimal left = total.subtract(refunded());
    if (amount.compareTo(left) > 0) {
      throw ProblemException.conflictOn(
          "amount", "refund-exceeds-paid", "orders.refund.exceedsLeft", left.toPlainString());
    }
    if (at.isBefore(orderedAt)) {
      throw ProblemException.invalid("refundedAt", "orders.refund.beforeOrder");
    }
    List<Refund> more = new ArrayList<>(refunds);
    more.add(new Refund(at, amount, reason));
    BigDecimal refunded = sum(more);
    return new Order(
        id,
        channel,
        externalId,
        customer,
        store,
        orderedAt,
        currency,
        lines,
        discount,
        total,
        more,
        statusFor(total, refunded),
        createdAt,
        now);
  }

  /** The same order belonging to another customer (after a merge). */
  Order movedTo(CustomerId survivor) {
    return new Order(
        id,
        channel,
        externalId,
        survivor,
        store,
        orderedAt,
        currency,
        lines,
        discount,
        total,
        refunds,
        status,
        createdAt,
        updatedAt);
  }

  private static OrderStatus statusFor(BigDecimal total, BigDecimal refunded) {
    if (refunded.signum() == 0) {
      return OrderStatus.PAID;
    }
    return refunded.compareTo(total) >= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
  }

  private static BigDecimal sum(List<Refund> refunds) {
    return refunds.stream().map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Everything refunded so far. */
  public BigDecimal refunded() {
    return sum(refunds);
  }

  /** Item value before discount. */
  public BigDecimal gross() {
    return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The total net of refunds. */
  public BigDecimal net() {
    return total.subtract(refunded());
  }

  /**
   * A fingerprint of everything a channel can say about the order, to tell an unchanged repeat from
   * a change without comparing row by row.
   */
  public String contentHash() {
    StringBuilder s = new StringBuilder();
    s.append(customer).append('|').append(store).append('|').append(orderedAt).append('|');
    s.append(currency).append('|').append(discount.toPlainString()).append('|');
    s.append(total.toPlainString()).append('|').append(status);
    for (OrderLine l : lines) {
      s.append("|L").append(l.sku()).append('\u0001').append(l.name()).append('\u0001');
      s.append(l.category()).append('\u0001').append(l.quantity()).append('\u0001');
      s.append(l.unitPrice().toPlainString());
    }
    for (Refund r : refunds) {
      s.append("|R").append(r.at()).append('\u0001').append(r.amount().toPlainString());
      s.append('\u0001').append(r.reason());
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
