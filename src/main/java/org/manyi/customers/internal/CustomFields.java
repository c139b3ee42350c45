package org.manyi.customers.internal;

import static org.manyi.shared.Times.toDb;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin-defined customer fields and their values. */
@Service
@Transactional
public class CustomFields {

  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();

  CustomFields(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<CustomField> all() {
    return jdbc.sql(
            "SELECT field_key, label_zh, label_en, field_type, options, in_list, position FROM"
                + " customer_field ORDER BY position, field_key")
        .query(
            (rs, n) -> {
              String options = rs.getString("options");
              return new CustomField(
                  rs.getString("field_key"),
                  rs.getString("label_zh"),
                  rs.getString("label_en"),
                  FieldType.valueOf(rs.getString("field_type")),
                  options == null ? List.of() : Arrays.asList(options.split("\n")),
                  rs.getBoolean("in_list"),
                  rs.getInt("position"));
            })
        .list();
  }

  /** Adds a field, or changes the one with the same key (its type may not change once used). */
  public CustomField define(CustomField field) {
    CustomField existing =
        all().stream().filter(f -> f.key().equals(field.key())).findFirst().orElse(null);
    if (existing != null && existing.type() != field.type() && used(field.key())) {
      throw ProblemException.conflictOn(
          "type", "custom-field-in-use", "customer.customField.inUse");
    }
    String options = field.options().isEmpty() ? null : String.join("\n", field.options());
    int updated =
        jdbc.sql(
                "UPDATE customer_field SET label_zh = ?, label_en = ?, field_type = ?, options = ?,"
                    + " in_list = ?, position = ? WHERE field_key = ?")
            .params(
                field.labelZh(),
                field.labelEn(),
                field.type().name(),
                options,
                field.inList(),
                field.position(),
                field.key())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO customer_field (field_key, label_zh, label_en, field_type, options,"
                  + " in_list, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              field.key(),
              field.labelZh(),
              field.labelEn(),
              field.type().name(),
              options,
              field.inList(),
              field.position(),
              toDb(clock.instant()))
          .update();
    }
    return field;
  }

  /** Removes a field with all its values. */
  public void delete(String key) {
    if (jdbc.sql("DELETE FROM customer_field WHERE field_key = ?").param(key).update() == 0) {
      throw ProblemException.notFound("customer.customField.notFound");
    }
  }

  /**
   * Checks and normalises values as a form or the API sent them; "" clears a value.
   *
   * @throws ProblemException 400 naming {@code customFields.<key>}
   */
  @Transactional(readOnly = true)
  public Map<String, String> normalise(Map<String, ?> raw) {
    Map<String, CustomField> fields = new HashMap<>();
    all().forEach(f -> fields.put(f.key(), f));
    Map<String, String> values = new LinkedHashMap<>();
    raw.forEach(
        (key, value) -> {
          CustomField field = fields.get(key);
          if (field == null) {
            throw ProblemException.invalid("customFields." + key, "customer.customField.unknown");
          }
          values.put(key, value == null ? "" : field.normalise(value));
        });
    return values;
  }

  /** Stores normalised values; "" removes a value. Returns whether anything changed. */
  boolean save(CustomerId customer, Map<String, String> values) {
    Map<String, String> before = values(customer);
    boolean changed = false;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String old = before.get(e.getKey());
      if (e.getValue().isEmpty() ? old == null : e.getValue().equals(old)) {
        continue;
      }
      changed = true;
      jdbc.sql("DELETE FROM customer_field_value WHERE customer_id = ? AND field_key = ?")
          .params(customer.value(), e.getKey())
          .update();
      if (!e.getValue().isEmpty()) {
        jdbc.sql(
                "INSERT INTO customer_field_value (customer_id, field_key, field_value) VALUES (?,"
                    + " ?, ?)")
            .params(customer.value(), e.getKey(), e.getValue())
            .update();
      }
    }
    return changed;
  }

  @Transactional(readOnly = true)
  public Map<String, String> values(CustomerId customer) {
    return values(List.of(customer)).getOrDefault(customer.value(), Map.of());
  }

  /** Values of many customers, by customer ID. */
  @Transactional(readOnly = true)
  public Map<UUID, Map<String, String>> values(Collection<CustomerId> customers) {
    Map<UUID, Map<String, String>> result = new HashMap<>();
    if (customers.isEmpty()) {
      return result;
    }
    List<Object> ids = customers.stream().map(c -> (Object) c.value()).toList();
    jdbc.sql(
            "SELECT customer_id, field_key, field_value FROM customer_field_value WHERE"
                + " customer_id IN ("
                + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
                + ")")
        .params(ids)
        .query(
            rs -> {
              result
                  .computeIfAbsent(
                      rs.getObject("customer_id", UUID.class), k -> new LinkedHashMap<>())
                  .put(rs.getString("field_key"), rs.getString("field_value"));
            });
    return result;
  }

  private boolean used(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM customer_field_value WHERE field_key = ?")
            .param(key)
            .query(Long.class)
            .single()
        > 0;
  }
}
