package org.manyi.cases.internal;

/**
 * How soon a case must be handled, from the importance times urgency matrix; each priority has its
 * own deadlines.
 */
public enum Priority {
  /** Important and urgent, or a safety or legal matter. */
  P1,
  /** Important or urgent. */
  P2,
  /** Ordinary. */
  P3,
  /** Neither important nor urgent. */
  P4;

  /**
   * The priority of a case from its importance (severity) and urgency: both high is P1; one high
   * and the other medium is P2; one high and the other low, or both medium, is P3; the rest P4.
   */
  public static Priority of(Level importance, Level urgency) {
    int score = importance.ordinal() + urgency.ordinal();
    return switch (score) {
      case 4 -> P1;
      case 3 -> P2;
      case 2 -> P3;
      default -> P4;
    };
  }
}
