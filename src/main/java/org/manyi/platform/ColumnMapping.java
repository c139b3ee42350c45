package org.manyi.platform;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which column of a file fills which import field. Suggested from the headings, or given by the
 * user as field → heading; either way every required field must have a column.
 */
public final class ColumnMapping {

  private final Map<String, Integer> columns;
  private final List<String> headers;

  private ColumnMapping(Map<String, Integer> columns, List<String> headers) {
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    this.headers = List.copyOf(headers);
  }

  /**
   * The mapping the headings suggest: a heading matches a field when, ignoring case, spaces,
   * underscores, dashes and full-width forms, it equals the field's key or one of its headings.
   * Each column fills at most one field.
   */
  public static ColumnMapping suggest(List<String> headers, List<ImportField> fields) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    Map<String, Integer> byHeading = new HashMap<>();
    for (int i = headers.size() - 1; i >= 0; i--) {
      byHeading.put(normalise(headers.get(i)), i);
    }
    for (ImportField field : fields) {
      Integer column = byHeading.get(normalise(field.key()));
      for (String heading : field.headings()) {
        if (column == null) {
          column = byHeading.get(normalise(heading));
        }
      }
      if (column != null && !columns.containsValue(column)) {
        columns.put(field.key(), column);
      }
    }
    return new ColumnMapping(columns, headers);
  }

  /**
   * The mapping a user chose.
   *
   * @param chosen field key → heading as written in the file; blank headings leave a field unset
   * @throws ProblemException 400 naming {@code mapping} for an unknown field or heading
   */
  public static ColumnMapping of(
      Map<String, String> chosen, List<String> headers, List<ImportField> fields) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : chosen.entrySet()) {
      if (fields.stream().noneMatch(f -> f.key().equals(entry.getKey()))) {
        throw ProblemException.invalid("mapping", "import.mapping.unknownField", entry.getKey());
      }
      if (entry.getValue() == null || entry.getValue().isBlank()) {
        continue;
      }
      int column = headers.indexOf(entry.getValue().strip());
      if (column < 0) {
        throw ProblemException.invalid("mapping", "import.mapping.unknownColumn", entry.getValue());
      }
      columns.put(entry.getKey(), column);
    }
    return new ColumnMapping(columns, headers);
  }

  /**
   * The mapping an API request gives as a JSON object of field to heading, or null when absent.
   *
   * @throws ProblemException 400 naming {@code mapping} when it is not such an object
   */
  public static @Nullable Map<String, String> fromJson(@Nullable String mapping, JsonMapper json) {
    if (mapping == null || mapping.isBlank()) {
      return null;
    }
    try {
      return json.readValue(mapping, new TypeReference<Map<String, String>>() {});
    } catch (JacksonException e) {
      throw ProblemException.invalid("mapping", "import.mapping.invalid");
    }
  }

  /**
   * Checks that every required field has a column.
   *
   * @throws ProblemException 400 naming {@code mapping} and the first missing field
   */
  public ColumnMapping requireAll(List<ImportField> fields) {
    for (ImportField field : fields) {
      if (field.required() && !columns.containsKey(field.key())) {
        throw ProblemException.invalid("mapping", "import.mapping.required", field.key());
      }
    }
    return this;
  }

  /** The trimmed value of a field in a row, or null when the field has no column or is blank. */
  public @Nullable String value(TabularFile.Row row, String field) {
    Integer column = columns.get(field);
    if (column == null) {
      return null;
    }
    String value = row.cell(column);
    return value.isEmpty() ? null : value;
  }

  public boolean has(String field) {
    return columns.containsKey(field);
  }

  /** Field key → heading, in field order, as the mapping is shown and stored. */
  public Map<String, String> asHeadings() {
    Map<String, String> result = new LinkedHashMap<>();
    columns.forEach((field, column) -> result.put(field, headers.get(column)));
    return result;
  }

  private static String normalise(String heading) {
    return Normalizer.normalize(heading, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s_\\-*:：()（）]", "");
  }
}
