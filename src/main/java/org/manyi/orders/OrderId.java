package org.manyi.orders;

import java.util.UUID;

/** An order's identity, the only way other modules refer to an order. */
public record OrderId(UUID value) {

  public static OrderId random() {
    return new OrderId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
