package org.manyi.orders.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Permission;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;
import org.manyi.orders.internal.OrderFilter;
import org.manyi.orders.internal.OrderManagement;
import org.manyi.orders.internal.OrderSort;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order pages: the list with filters, sorting and paging (rows refreshed by htmx), the order
 * with its items, refunds and a refund form, a customer's orders with the purchase summary, and the
 * operations page that rebuilds the summaries or runs the lifecycle stages now.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
class OrderController {

  static final String LIST = "orders/list";
  static final String ROWS = "orders/list :: rows";
  static final String DETAIL = "orders/detail";
  static final String CUSTOMER = "orders/customer";
  static final String OPERATIONS = "orders/operations";
  static final int PAGE_SIZE = 25;

  private final OrderManagement orders;

  OrderController(OrderManagement orders) {
    this.orders = orders;
  }

  @GetMapping("/orders")
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String channel,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "ordered") String sort,
      @RequestParam(defaultValue = "true") boolean desc,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    OrderFilter filter = new OrderFilter(blank(q), blank(channel), status, from, to, null);
    OrderSort by = OrderSort.parse(sort);
    model.addAttribute(
        "orders", orders.search(filter, by, desc, new PageRequest(page, PAGE_SIZE), me));
    model.addAttribute("filter", filter);
    model.addAttribute("sort", by.param());
    model.addAttribute("desc", desc);
    model.addAttribute("filtered", !filter.isEmpty());
    model.addAttribute("baseUrl", baseUrl(filter));
    model.addAttribute("statuses", OrderStatus.values());
    model.addAttribute("channels", orders.channels());
    model.addAttribute("canOperate", me.can(Permission.OPERATIONS));
    return htmx != null ? ROWS : LIST;
  }

  @GetMapping("/orders/{id}")
  String detail(@PathVariable UUID id, CurrentUser me, Model model) {
    model.addAttribute("view", orders.get(new OrderId(id), me));
    model.addAttribute("canRefund", me.can(Permission.ORDERS_MANAGE));
    return DETAIL;
  }

  @PostMapping("/orders/{id}/refunds")
  @PreAuthorize("hasAuthority('PERM_ORDERS_MANAGE')")
  String refund(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String amount,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @Nullable LocalDateTime refundedAt,
      @RequestParam(required = false) @Nullable String reason,
      CurrentUser me,
      Model model,
      RedirectAttributes flash) {
    try {
      BigDecimal value = amount == null || amount.isBlank() ? null : new BigDecimal(amount.strip());
      Instant at =
          refundedAt == null
              ? null
              : refundedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
      orders.refund(new OrderId(id), value, at, blank(reason), me);
      flash.addFlashAttribute("flashSuccess", "orders.refund.done");
      flash.addFlashAttribute("flashArg", amount);
      return "redirect:/orders/" + id;
    } catch (NumberFormatException | ProblemException e) {
      String code =
          e instanceof ProblemException p
              ? (p.firstField() != null ? p.firstField().code() : p.code())
              : "orders.money.invalid";
      Object[] args =
          e instanceof ProblemException p
              ? (p.firstField() != null ? p.firstField().args() : p.args())
              : new Object[0];
      model.addAttribute("view", orders.get(new OrderId(id), me));
      model.addAttribute("canRefund", true);
      model.addAttribute("refundError", code);
      model.addAttribute("refundErrorArgs", args);
      model.addAttribute("refundAmount", amount);
      model.addAttribute("refundReason", reason);
      return DETAIL;
    }
  }

  @GetMapping("/customers/{id}/orders")
  String ofCustomer(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    CustomerId customer = new CustomerId(id);
    model.addAttribute("customer", orders.requireCustomer(customer, me));
    model.addAttribute("summary", orders.summary(customer, me).orElse(null));
    model.addAttribute("orders", orders.ofCustomer(customer, new PageRequest(page, PAGE_SIZE), me));
    model.addAttribute("baseUrl", "/customers/" + id + "/orders?");
    model.addAttribute("sort", "ordered");
    model.addAttribute("desc", true);
    model.addAttribute("filtered", false);
    return htmx != null ? "orders/list :: rows" : CUSTOMER;
  }

  @GetMapping("/orders/operations")
  @PreAuthorize("hasAuthority('PERM_OPERATIONS')")
  String operations() {
    return OPERATIONS;
  }

  @PostMapping("/orders/operations/rebuild")
  @PreAuthorize("hasAuthority('PERM_OPERATIONS')")
  String rebuild(CurrentUser me) {
    return "redirect:/jobs/" + orders.startRebuild(me.username());
  }

  @PostMapping("/orders/operations/lifecycle")
  @PreAuthorize("hasAuthority('PERM_OPERATIONS')")
  String lifecycle(CurrentUser me) {
    return "redirect:/jobs/" + orders.startLifecycleRun(me.username());
  }

  private static String baseUrl(OrderFilter f) {
    StringBuilder url = new StringBuilder("/orders?");
    param(url, "q", f.q());
    param(url, "channel", f.channel());
    param(url, "status", f.status());
    param(url, "from", f.from());
    param(url, "to", f.to());
    return url.toString();
  }

  private static void param(StringBuilder url, String name, @Nullable Object value) {
    if (value != null) {
      url.append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8))
          .append('&');
    }
  }

  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
