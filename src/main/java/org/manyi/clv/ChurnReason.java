package org.manyi.clv;

import java.util.List;

/**
 * One reason behind a churn score: a stable code that pages translate with its arguments, and the
 * same reason in English words for logs and API clients that do not translate.
 *
 * @param code what the reason is about
 * @param lowersRisk true when the fact lowers the risk (used to explain a low score)
 * @param args the figures in the reason, in the order of the message
 * @param text the reason in English
 */
public record ChurnReason(Code code, boolean lowersRisk, List<Object> args, String text) {

  /** The kinds of reason. */
  public enum Code {
    /** The model's probability of no purchase in the horizon: percent, horizon length, unit. */
    MODEL_NO_PURCHASE,
    /** No repeat purchase since the first order. */
    NO_REPEAT,
    /** Number of repeat purchases. */
    REPEAT_PURCHASES,
    /** Time since the last purchase: length, unit. */
    LAST_PURCHASE,
    /** Time since the last purchase relative to the own usual gap: ratio, gap length, unit. */
    OVERDUE,
    /** Repeat orders average less than the first order: repeat average, first value. */
    SPEND_FALLING
  }

  public ChurnReason {
    args = List.copyOf(args);
  }
}
