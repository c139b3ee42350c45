package org.manyi.customers;

import java.util.UUID;

/** A customer's identity, the only way other modules refer to a customer. */
public record CustomerId(UUID value) {

  public static CustomerId random() {
    return new CustomerId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
