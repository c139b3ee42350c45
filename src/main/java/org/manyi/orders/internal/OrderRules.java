package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.manyi.orders.OrderStatus;
import org.manyi.platform.ProblemException.FieldProblem;

/**
 * The field rules of an order, checked before anything is stored: every problem is collected and
 * named by its JSON path, so a channel fixes all of them in one go.
 */
public final class OrderRules {

  static final int MAX_ITEMS = 500;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern CHANNEL = Pattern.compile("[A-Z0-9_-]{1,32}");

  private OrderRules() {}

  /** The outcome of a check: a draft, or the problems that stop it. */
  public record Checked(@Nullable OrderDraft draft, List<FieldProblem> problems) {}

  public static Checked check(OrderInput in) {
    List<FieldProblem> problems = new ArrayList<>();
    String externalId = text(in.externalId(), "externalId", 64, true, problems);
    String channel = text(in.channel(), "channel", 32, true, problems);
    if (channel != null) {
      channel = channel.toUpperCase(Locale.ROOT);
      if (!CHANNEL.matcher(channel).matches()) {
        problems.add(new FieldProblem("channel", "orders.channel.invalid"));
      }
    }
    String store = text(in.store(), "store", 64, false, problems);
    UUID customerId = null;
    if (in.customerId() != null && !in.customerId().isBlank()) {
      try {
        customerId = UUID.fromString(in.customerId().strip());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("customerId", "orders.customerId.invalid"));
      }
    }
    String customerExternalId =
        text(in.customerExternalId(), "customerExternalId", 64, false, problems);
    String customerPhone = text(in.customerPhone(), "customerPhone", 32, false, problems);
    String customerName = text(in.customerName(), "customerName", 128, false, problems);
    if (customerId == null
        && customerExternalId == null
        && customerPhone == null
        && !problems.stream().anyMatch(p -> p.field().equals("customerId"))) {
      problems.add(new FieldProblem("customerId", "orders.customer.required"));
    }
    Instant orderedAt = instant(in.orderedAt(), "orderedAt", true, problems);
    String currency =
        in.currency() == null || in.currency().isBlank()
            ? "CNY"
            : in.currency().strip().toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(currency).matches()) {
      problems.add(new FieldProblem("currency", "orders.currency.invalid"));
    }
    List<OrderLine> lines = lines(in.items(), problems);
    BigDecimal discount = in.discount() == null ? BigDecimal.ZERO.setScale(2) : in.discount();
    discount = money(discount, "discount", problems);
    BigDecimal gross =
        lines.stream()
            .map(OrderLine::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.UNNECESSARY);
    BigDecimal computed = discount == null ? gross : gross.subtract(discount);
    BigDecimal total = in.total() == null ? computed : money(in.total(), "total", problems);
    boolean linesOk = problems.stream().noneMatch(p -> p.field().startsWith("items"));
    if (discount != null && linesOk && !lines.isEmpty() && discount.compareTo(gross) > 0) {
      problems.add(
          new FieldProblem("discount", "orders.discount.exceedsItems", gross.toPlainString()));
    } else if (total != null
        && discount != null
        && linesOk
        && !lines.isEmpty()
        && in.total() != null
        && total.compareTo(computed) != 0) {
      problems.add(
          new FieldProblem(
              "total",
              "orders.total.inconsistent",
              total.toPlainString(),
              gross.toPlainString(),
              discount.toPlainString(),
              computed.toPlainString()));
    }
    OrderStatus status = null;
    if (in.status() != null && !in.status().isBlank()) {
      try {
        status = OrderStatus.valueOf(in.status().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("status", "orders.status.invalid"));
      }
    }
    List<Refund> refunds = null;
    if (in.refunds() != null) {
      refunds = new ArrayList<>();
      for (int i = 0; i < in.refunds().size(); i++) {
        OrderInput.RefundInput r = in.refunds().get(i);
        String at = "refunds[" + i + "]";
        if (r == null) {
          problems.add(new FieldProblem(at, "orders.field.required"));
          continue;
        }
        Instant refundedAt = instant(r.refundedAt(), at + ".refundedAt", true, problems);
        BigDecimal amount = positive(r.amount(), at + ".amount", problems);
        String reason = text(r.reason(), at + ".reason", 255, false, problems);
        if (refundedAt != null && amount != null) {
          refunds.add(new Refund(refundedAt, amount, reason));
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Checked(null, problems);
    }
    OrderDraft draft =
        new OrderDraft(
            externalId,
            channel,
            store,
            customerId,
            customerExternalId,
            customerPhone,
            customerName,
            orderedAt,
            currency,
            lines,
            discount,
            total,
            status,
            refunds);
    return new Checked(draft, List.of());
  }

  private static List<OrderLine> lines(
      @Nullable List<OrderInput.ItemInput> items, List<FieldProblem> problems) {
    if (items == null || items.isEmpty()) {
      problems.add(new FieldProblem("items", "orders.items.required"));
      return List.of();
    }
    if (items.size() > MAX_ITEMS) {
      problems.add(new FieldProblem("items", "orders.items.tooMany", MAX_ITEMS));
      return List.of();
    }
    List<OrderLine> lines = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      OrderInput.ItemInput item = items.get(i);
      String at = "items[" + i + "]";
      if (item == null) {
        problems.add(new FieldProblem(at, "orders.field.required"));
        continue;
      }
      String sku = text(item.sku(), at + ".sku", 64, true, problems);
      String name = text(item.name(), at + ".name", 128, false, problems);
      String category = text(item.category(), at + ".category", 64, false, problems);
      Integer quantity = item.quantity();
      if (quantity == null) {
        problems.add(new FieldProblem(at + ".quantity", "orders.field.required"));
      } else if (quantity < 1 || quantity > 100_000) {
        problems.add(new FieldProblem(at + ".quantity", "orders.quantity.range", 1, 100_000));
      }
      BigDecimal unitPrice =
          item.unitPrice() == null
              ? required(at + ".unitPrice", problems)
              : money(item.unitPrice(), at + ".unitPrice", problems);
      if (sku != null
          && quantity != null
          && quantity >= 1
          && quantity <= 100_000
          && unitPrice != null) {
        lines.add(
            new OrderLine(
                sku,
                name == null ? sku : name,
                category == null ? "—" : category,
                quantity,
                unitPrice));
      }
    }
    return lines;
  }

  private static @Nullable BigDecimal required(String field, List<FieldProblem> problems) {
    problems.add(new FieldProblem(field, "orders.field.required"));
    return null;
  }

  /** A non-negative amount with at most two decimals, scaled to cents. */
  static @Nullable BigDecimal money(BigDecimal value, String field, List<FieldProblem> problems) {
    if (value.signum() < 0) {
      problems.add(new FieldProblem(field, "orders.money.negative"));
      return null;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      problems.add(new FieldProblem(field, "orders.money.cents"));
      return null;
    }
    if (value.compareTo(MAX_AMOUNT) > 0) {
      problems.add(new FieldProblem(field, "orders.money.tooLarge"));
      return null;
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  static @Nullable BigDecimal positive(
      @Nullable BigDecimal value, String field, List<FieldProblem> problems) {
    if (value == null) {
      return required(field, problems);
    }
    if (value.signum() <= 0) {
      problems.add(new FieldProblem(field, "orders.money.positive"));
      return null;
    }
    return money(value, field, problems);
  }

  static @Nullable Instant instant(
      @Nullable String value, String field, boolean required, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(new FieldProblem(field, "orders.field.required"));
      }
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "orders.dateTime.invalid"));
      return null;
    }
  }

  private static @Nullable String text(
      @Nullable String value,
      String field,
      int max,
      boolean required,
      List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(new FieldProblem(field, "orders.field.required"));
      }
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      problems.add(new FieldProblem(field, "orders.field.tooLong", max));
      return null;
    }
    return v;
  }
}
