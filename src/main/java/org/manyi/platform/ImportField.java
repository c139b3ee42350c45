package org.manyi.platform;

import java.util.List;

/**
 * A field an import can fill, with the column headings that suggest it.
 *
 * @param key the field's name in the API and the mapping, such as {@code phone}
 * @param headings headings that mean this field, in Chinese and English ("手机", "mobile"); the key
 *     itself always matches
 */
public record ImportField(String key, boolean required, List<String> headings) {

  public ImportField {
    headings = List.copyOf(headings);
  }

  public static ImportField required(String key, String... headings) {
    return new ImportField(key, true, List.of(headings));
  }

  public static ImportField optional(String key, String... headings) {
    return new ImportField(key, false, List.of(headings));
  }
}
