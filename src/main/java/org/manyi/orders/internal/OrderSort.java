package org.manyi.orders.internal;

import java.util.Locale;

/** The columns an order list can be sorted by. */
public enum OrderSort {
  /** When the order was placed. */
  ORDERED("o.ordered_at"),
  /** The order total. */
  TOTAL("o.total"),
  /** The channel. */
  CHANNEL("o.channel"),
  /** The status. */
  STATUS("o.status");

  private final String column;

  OrderSort(String column) {
    this.column = column;
  }

  String orderBy(boolean desc) {
    String dir = desc ? " DESC" : " ASC";
    return column + dir + ", o.id" + dir;
  }

  /** The sort named by a request parameter, ordered-at when unknown. */
  public static OrderSort parse(String value) {
    for (OrderSort s : values()) {
      if (s.name().equalsIgnoreCase(value.strip())) {
        return s;
      }
    }
    return ORDERED;
  }

  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
