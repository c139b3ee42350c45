package org.manyi.identity;

import java.util.UUID;

/** A user's identity, the only way other modules refer to a user. */
public record UserId(UUID value) {

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
