package org.manyi.customers.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Mainland resident identity card numbers (居民身份证号码): 18 characters, the last a check digit (0-9 or
 * X) over the first 17 by ISO 7064 MOD 11-2, so a typo is caught when it is entered.
 */
public final class IdNumbers {

  private static final Pattern SPACES = Pattern.compile("\\s");
  static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private IdNumbers() {}

  /** The canonical form (upper-case X, no spaces), or null when it is not a valid number. */
  public static @Nullable String normalise(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    if (!SHAPE.matcher(s).matches()) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (s.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11) == s.charAt(17) ? s : null;
  }

  /** 110105194912310021 becomes 110***********0021. */
  public static String mask(String normalised) {
    return normalised.substring(0, 3) + "*".repeat(11) + normalised.substring(14);
  }
}
