package org.manyi.customers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.manyi.platform.ProblemException;

/**
 * A field admins add to the customer record (shown in forms, the 360 page, lists when {@code
 * inList}, filters, import and export).
 *
 * @param key the field's name in the API ({@code customFields.<key>}): lower case letters, digits
 *     and underscores
 * @param options the choices of CHOICE and MULTI_CHOICE fields
 */
public record CustomField(
    String key,
    String labelZh,
    String labelEn,
    FieldType type,
    List<String> options,
    boolean inList,
    int position) {

  static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  static final int MAX_VALUE = 1000;
  static final int MAX_OPTIONS = 50;

  public CustomField {
    key = key == null ? "" : key.strip();
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.invalid("key", "customer.customField.key.invalid");
    }
    labelZh = label("labelZh", labelZh);
    labelEn = label("labelEn", labelEn);
    if (type == null) {
      throw ProblemException.invalid("type", "customer.customField.type.required");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String option : options == null ? List.<String>of() : options) {
      if (option != null && !option.isBlank()) {
        distinct.add(option.strip());
      }
    }
    options = List.copyOf(distinct);
    boolean choice = type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE;
    if (choice && options.isEmpty() || options.size() > MAX_OPTIONS) {
      throw ProblemException.invalid(
          "options", "customer.customField.options.required", MAX_OPTIONS);
    }
    if (!choice) {
      options = List.of();
    }
  }

  /** The label in the reader's language. */
  public String label(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
  }

  /**
   * The value in canonical form, or "" to clear it.
   *
   * @throws ProblemException 400 naming {@code customFields.<key>}
   */
  String normalise(Object raw) {
    String field = "customFields." + key;
    List<String> parts =
        raw instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : Arrays.asList(String.valueOf(raw).split("[|,，;；、]"));
    String text = raw instanceof List<?> ? String.join("|", parts) : String.valueOf(raw).strip();
    if (text.isBlank()) {
      return "";
    }
    try {
      return switch (type) {
        case TEXT -> {
          if (text.length() > MAX_VALUE) {
            throw ProblemException.invalid(field, "customer.field.tooLong", MAX_VALUE);
          }
          yield text;
        }
        case NUMBER -> new BigDecimal(text.replace(",", "")).stripTrailingZeros().toPlainString();
        case DATE -> LocalDate.parse(text.replace('/', '-')).toString();
        case CHOICE -> {
          if (!options.contains(text)) {
            throw ProblemException.invalid(field, "customer.customField.choice", text);
          }
          yield text;
        }
        case MULTI_CHOICE -> {
          List<String> chosen = new ArrayList<>();
          for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
              continue;
            }
            if (!options.contains(p)) {
              throw ProblemException.invalid(field, "customer.customField.choice", p);
            }
            if (!chosen.contains(p)) {
              chosen.add(p);
            }
          }
          yield String.join("|", chosen);
        }
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw ProblemException.invalid(
          field, "customer.customField." + type.name().toLowerCase(Locale.ROOT), text);
    }
  }

  private static String label(String field, String value) {
    String label = value == null ? "" : value.strip();
    if (label.isEmpty() || label.length() > 64) {
      throw ProblemException.invalid(field, "customer.customField.label");
    }
    return label;
  }
}
