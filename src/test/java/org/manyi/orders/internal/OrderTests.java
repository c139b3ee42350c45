package org.manyi.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;
import org.manyi.platform.ProblemException;
import org.manyi.platform.ProblemException.FieldProblem;

class OrderTests {

  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  static final CustomerId BUYER = CustomerId.random();

  static OrderInput.ItemInput item(String sku, Integer quantity, String price) {
    return new OrderInput.ItemInput(sku, "商品" + sku, "美妆", quantity, new BigDecimal(price));
  }

  static OrderInput input(List<OrderInput.ItemInput> items, String discount, String total) {
    return new OrderInput(
        "T1001",
        null,
        "C-1",
        null,
        null,
        "2026-11-11T20:15:00+08:00",
        "tmall",
        null,
        items,
        discount == null ? null : new BigDecimal(discount),
        total == null ? null : new BigDecimal(total),
        null,
        null,
        null);
  }

  static OrderDraft draft(OrderInput in) {
    OrderRules.Checked checked = OrderRules.check(in);
    assertThat(checked.problems()).isEmpty();
    return checked.draft();
  }

  @Test
  void computesTheTotalFromItemsMinusDiscountAndNormalisesChannelAndCurrency() {
    OrderDraft draft =
        draft(input(List.of(item("A", 2, "99.50"), item("B", 1, "10")), "9.00", null));
    assertThat(draft.total()).isEqualByComparingTo("200.00");
    assertThat(draft.total().scale()).isEqualTo(2);
    assertThat(draft.channel()).isEqualTo("TMALL");
    assertThat(draft.currency()).isEqualTo("CNY");
  }

  @Test
  void rejectsATotalThatDisagreesWithItemsAndDiscount() {
    List<FieldProblem> problems =
        OrderRules.check(input(List.of(item("A", 2, "50")), "10", "100")).problems();
    assertThat(problems).extracting(FieldProblem::field).containsExactly("total");
    assertThat(problems.get(0).code()).isEqualTo("orders.total.inconsistent");
    assertThat(problems.get(0).args()).containsExactly("100.00", "100.00", "10.00", "90.00");
  }

  @Test
  void namesEveryBadFieldByItsPath() {
    OrderInput in =
        new OrderInput(
            " ",
            "not-a-uuid",
            null,
            null,
            null,
            "yesterday",
            "TMALL",
            null,
            List.of(item("A", 1, "1"), item("B", 1, "1.001"), item("C", 0, "5")),
            new BigDecimal("-1"),
            null,
            "yuan",
            "SHIPPED",
            null);
    assertThat(OrderRules.check(in).problems())
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "externalId",
            "customerId",
            "orderedAt",
            "items[1].unitPrice",
            "items[2].quantity",
            "discount",
            "currency",
            "status");
  }

  @Test
  void refundsMoveTheStatusAndNeverExceedWhatWasPaid() {
    Order order =
        Order.of(
            draft(input(List.of(item("A", 1, "100")), null, "100")),
            BUYER,
            null,
            OrderId.random(),
            NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    Order partly = order.refund(new BigDecimal("30.00"), NOW, "破损", NOW);
    assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    assertThat(partly.net()).isEqualByComparingTo("70");
    assertThatThrownBy(() -> partly.refund(new BigDecimal("70.01"), NOW, null, NOW))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> assertThat(((ProblemException) e).firstField().field()).isEqualTo("amount"));
    Order full = partly.refund(new BigDecimal("70.00"), NOW, null, NOW);
    assertThat(full.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(full.status().isPurchase()).isFalse();
  }

  @Test
  void aCancelledOrderIsNotRefunded() {
    OrderInput in = input(List.of(item("A", 1, "100")), null, null);
    OrderInput cancelled =
        new OrderInput(
            in.externalId(),
            null,
            "C-1",
            null,
            null,
            in.orderedAt(),
            in.channel(),
            null,
            in.items(),
            null,
            null,
            null,
            "CANCELLED",
            null);
    Order order = Order.of(draft(cancelled), BUYER, null, OrderId.random(), NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThatThrownBy(() -> order.refund(BigDecimal.ONE, NOW, null, NOW))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aChannelReportingRefundedWithoutRefundsRefundsTheRest() {
    OrderInput in = input(List.of(item("A", 1, "100")), null, null);
    OrderInput refunded =
        new OrderInput(
            in.externalId(),
            null,
            "C-1",
            null,
            null,
            in.orderedAt(),
            in.channel(),
            null,
            in.items(),
            null,
            null,
            null,
            "REFUNDED",
            null);
    Order order = Order.of(draft(refunded), BUYER, null, OrderId.random(), NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(order.refunded()).isEqualByComparingTo("100");
  }

  @Test
  void refundsAboveTheTotalAreRejected() {
    OrderInput in = input(List.of(item("A", 1, "100")), null, null);
    OrderInput tooMuch =
        new OrderInput(
            in.externalId(),
            null,
            "C-1",
            null,
            null,
            in.orderedAt(),
            in.channel(),
            null,
            in.items(),
            null,
            null,
            null,
            null,
            List.of(
                new OrderInput.RefundInput(
                    "2026-11-12T10:00:00+08:00", new BigDecimal("120"), null)));
    assertThatThrownBy(() -> Order.of(draft(tooMuch), BUYER, null, OrderId.random(), NOW))
        .isInstanceOf(OrderProblems.class)
        .satisfies(
            e ->
                assertThat(((OrderProblems) e).fields())
                    .extracting(FieldProblem::field)
                    .containsExactly("refunds"));
  }

  @Test
  void aRevisionKeepsIdentityAndRecordedRefundsAndTheSameContentHashesTheSame() {
    OrderDraft d = draft(input(List.of(item("A", 1, "100")), null, null));
    Order first = Order.of(d, BUYER, null, OrderId.random(), NOW);
    Order refunded = first.refund(new BigDecimal("10"), NOW, null, NOW);
    Order again = Order.of(d, BUYER, refunded, OrderId.random(), NOW.plusSeconds(60));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.refunded()).isEqualByComparingTo("10");
    assertThat(again.contentHash()).isEqualTo(refunded.contentHash());
    assertThat(Order.of(d, CustomerId.random(), refunded, OrderId.random(), NOW).contentHash())
        .isNotEqualTo(refunded.contentHash());
  }
}
