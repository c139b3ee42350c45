package org.manyi.interactions;

import java.util.UUID;

/** An interaction's identity, the only way other modules refer to one. */
public record InteractionId(UUID value) {

  public static InteractionId random() {
    return new InteractionId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
