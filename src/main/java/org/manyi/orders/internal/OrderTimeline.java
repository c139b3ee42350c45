package org.manyi.orders.internal;

import static org.manyi.shared.Times.fromDb;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTimelineSource;
import org.manyi.customers.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A customer's orders on the customer 360 timeline: number, amount, channel and status. */
@Component
class OrderTimeline implements CustomerTimelineSource {

  static final String TYPE = "order";

  private final JdbcClient jdbc;
  private final MessageSource messages;

  OrderTimeline(JdbcClient jdbc, MessageSource messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String label(Locale locale) {
    return messages.getMessage("orders.nav", null, "Orders", locale);
  }

  @Override
  public List<TimelineEntry> entries(CustomerId customer, Locale locale, int limit) {
    return jdbc.sql(
            "SELECT id, external_id, channel, ordered_at, total, currency, status FROM orders"
                + " WHERE customer_id = ? ORDER BY ordered_at DESC LIMIT ?")
        .params(customer.value(), limit)
        .query(
            (rs, n) -> {
              String amount = money(rs.getBigDecimal("total"), rs.getString("currency"), locale);
              return new TimelineEntry(
                  TYPE,
                  fromDb(rs.getObject("ordered_at", OffsetDateTime.class)),
                  messages.getMessage(
                      "orders.timeline.title",
                      new Object[] {rs.getString("external_id"), amount},
                      locale),
                  rs.getString("channel")
                      + " · "
                      + messages.getMessage(
                          "orders.status." + rs.getString("status"), null, locale),
                  "/orders/" + rs.getObject("id", UUID.class));
            })
        .list();
  }

  static String money(java.math.BigDecimal amount, String currency, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.CHINA);
    try {
      format.setCurrency(Currency.getInstance(currency));
    } catch (IllegalArgumentException unknown) {
      return currency + " " + amount.toPlainString();
    }
    return format.format(amount);
  }
}
