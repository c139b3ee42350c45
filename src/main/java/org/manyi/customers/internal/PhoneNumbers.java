package org.manyi.customers.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers in one canonical form, so that the same number typed differently is found and
 * recognised as a duplicate: mainland mobiles as 11 digits, landlines as digits with the area code,
 * other countries as {@code +} and digits.
 */
public final class PhoneNumbers {

  /** Mainland China mobile numbers: 1, a second digit 3 to 9, then nine digits. */
  static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");

  /** Mainland landlines with area code: 0, two or three digits, seven or eight digits. */
  static final Pattern CN_LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

  static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");

  /** What people type between digits; compiled once, as imports normalise millions of numbers. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()（）]");

  private PhoneNumbers() {}

  /**
   * The canonical form of a phone number, or null when it is not a valid number. Accepts spaces,
   * dashes, dots and brackets, and the prefixes +86, 0086 and 86 for mainland numbers.
   */
  public static @Nullable String normalise(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
    if (s.startsWith("00")) {
      s = "+" + s.substring(2);
    }
    if (s.startsWith("+86")) {
      s = s.substring(3);
    } else if (s.startsWith("86") && s.length() == 13) {
      s = s.substring(2);
    }
    if (CN_MOBILE.matcher(s).matches() || CN_LANDLINE.matcher(s).matches()) {
      return s;
    }
    if (INTERNATIONAL.matcher(s).matches()) {
      return s;
    }
    return null;
  }

  /** The last four digits, for last-4 search. */
  static String lastFour(String normalised) {
    return normalised.substring(normalised.length() - 4);
  }

  /** 13812341234 becomes 138****1234; shorter numbers keep only their last four. */
  public static String mask(String normalised) {
    if (normalised.length() < 8) {
      return "****";
    }
    int head = normalised.startsWith("+") ? 4 : 3;
    return normalised.substring(0, head) + "****" + lastFour(normalised);
  }
}
