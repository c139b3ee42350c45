package org.manyi.cases;

import java.util.UUID;

/** A case's identity, the only way other modules refer to a case. */
public record CaseId(UUID value) {

  public static CaseId random() {
    return new CaseId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
