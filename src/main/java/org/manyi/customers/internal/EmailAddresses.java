package org.manyi.customers.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Email addresses in one canonical (lower-case) form, validated loosely as people type them. */
public final class EmailAddresses {

  static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+", Pattern.UNICODE_CHARACTER_CLASS);

  private EmailAddresses() {}

  /** The canonical form, or null when it is not an email address. */
  public static @Nullable String normalise(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().toLowerCase(Locale.ROOT);
    return s.length() <= 254 && EMAIL.matcher(s).matches() ? s : null;
  }

  /** zhang.san@example.com becomes z***@example.com. */
  public static String mask(String normalised) {
    int at = normalised.indexOf('@');
    return at <= 0 ? "***" : normalised.charAt(0) + "***" + normalised.substring(at);
  }
}
