package org.manyi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasePriorityTests {

  @ParameterizedTest(name = "{0} importance × {1} urgency → {2}")
  @CsvSource({
    "HIGH, HIGH, P1",
    "HIGH, MEDIUM, P2",
    "MEDIUM, HIGH, P2",
    "HIGH, LOW, P3",
    "LOW, HIGH, P3",
    "MEDIUM, MEDIUM, P3",
    "MEDIUM, LOW, P4",
    "LOW, MEDIUM, P4",
    "LOW, LOW, P4"
  })
  void followsTheImportanceUrgencyMatrix(Level importance, Level urgency, Priority expected) {
    assertThat(Priority.of(importance, urgency)).isEqualTo(expected);
  }
}
