package org.manyi.text;

/** The overall tone of a text. */
public enum SentimentLabel {
  /** Satisfied, praising. */
  POSITIVE,
  /** Neither clearly, or nothing the model knows. */
  NEUTRAL,
  /** Dissatisfied, complaining. */
  NEGATIVE
}
