package org.manyi.pls;

/**
 * An answer to one Kano question ("How do you feel if the product has / does not have …?"), on the
 * usual five-point scale, coded 1 to 5 in this order.
 */
public enum KanoAnswer {
  /** 1: I like it that way. */
  LIKE,
  /** 2: It must be that way. */
  MUST_BE,
  /** 3: I am neutral. */
  NEUTRAL,
  /** 4: I can live with it that way. */
  LIVE_WITH,
  /** 5: I dislike it that way. */
  DISLIKE;

  /**
   * The answer coded {@code code} (1 = like … 5 = dislike).
   *
   * @throws IllegalArgumentException for any other code
   */
  public static KanoAnswer ofCode(int code) {
    KanoAnswer[] answers = values();
    if (code < 1 || code > answers.length) {
      throw new IllegalArgumentException(
          "Kano answers are coded 1 to " + answers.length + ", got " + code);
    }
    return answers[code - 1];
  }
}
