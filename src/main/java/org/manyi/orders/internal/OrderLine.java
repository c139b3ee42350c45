package org.manyi.orders.internal;

import java.math.BigDecimal;

/** One line of an order: what was bought, how many, at what unit price. */
public record OrderLine(
    String sku, String name, String category, int quantity, BigDecimal unitPrice) {

  /** Quantity times unit price. */
  public BigDecimal amount() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
