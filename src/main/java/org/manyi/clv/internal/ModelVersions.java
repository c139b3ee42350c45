package org.manyi.clv.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds the model version strings that tag every prediction. */
public final class ModelVersions {

  /** Hex characters of the parameter digest kept in the version: enough to tell fits apart. */
  private static final int DIGEST_HEX_CHARS = 12;

  private ModelVersions() {}

  /**
   * {@code name + "@" + digest}, where the digest is a SHA-256 prefix of the exact parameter
   * values: two fits have the same version exactly when they predict the same numbers.
   */
  public static String of(String name, double... parameters) {
    StringBuilder text = new StringBuilder(name);
    for (double p : parameters) {
      text.append('|').append(Double.doubleToLongBits(p));
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return name + "@" + HexFormat.of().formatHex(digest).substring(0, DIGEST_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
