package org.manyi.identity;

import java.util.UUID;

/** A team of users (sales group, service desk, ...), the unit of data scope for managers. */
public record TeamId(UUID value) {

  @Override
  public String toString() {
    return value.toString();
  }
}
