package org.manyi.surveys;

import java.util.UUID;

/** A survey's identity. */
public record SurveyId(UUID value) {

  @Override
  public String toString() {
    return value.toString();
  }
}
