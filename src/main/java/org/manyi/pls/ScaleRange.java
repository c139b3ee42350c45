package org.manyi.pls;

/**
 * The answer scale of an item, used to map index scores to 0–100.
 *
 * @param min the lowest possible answer (maps to 0)
 * @param max the highest possible answer (maps to 100)
 */
public record ScaleRange(double min, double max) {

  /**
   * @throws IllegalArgumentException when the bounds are not finite or {@code max <= min}
   */
  public ScaleRange {
    if (!Double.isFinite(min) || !Double.isFinite(max) || max <= min) {
      throw new IllegalArgumentException(
          "scale range needs finite bounds with min < max, got [" + min + ", " + max + "]");
    }
  }
}
