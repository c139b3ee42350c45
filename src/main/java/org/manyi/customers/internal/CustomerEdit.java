package org.manyi.customers.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.platform.ProblemException;

/**
 * A new customer, or changes to one: a null field leaves the value as it is (or empty for a new
 * customer), an empty string or list clears it. {@code phone} and {@code email} set the primary
 * contact; {@code phones} and {@code emails} replace the whole list (the first is primary).
 *
 * @param birthday ISO date (2026-11-23), or an empty string to clear
 */
public record CustomerEdit(
    @Nullable CustomerKind kind,
    @Nullable String name,
    @Nullable Gender gender,
    @Nullable String birthday,
    @Nullable Boolean lunarBirthday,
    @Nullable String phone,
    @Nullable List<String> phones,
    @Nullable String email,
    @Nullable List<String> emails,
    @Nullable String province,
    @Nullable String city,
    @Nullable String address,
    @Nullable SourceChannel source,
    @Nullable String externalId,
    @Nullable Set<String> tags,
    @Nullable String notes,
    @Nullable UUID ownerId,
    @Nullable LifecycleStage stage,
    @Nullable List<ConsentInput> consents,
    @Nullable String idNumber,
    @Nullable List<ContactPerson> contactPersons,
    @Nullable Map<String, Object> customFields) {

  /** The same edit with admin-defined field values (key → value; "" clears). */
  public CustomerEdit withCustomFields(@Nullable Map<String, Object> values) {
    return new CustomerEdit(
        kind,
        name,
        gender,
        birthday,
        lunarBirthday,
        phone,
        phones,
        email,
        emails,
        province,
        city,
        address,
        source,
        externalId,
        tags,
        notes,
        ownerId,
        stage,
        consents,
        idNumber,
        contactPersons,
        values);
  }

  /** The profile after this edit; {@code current} is null for a new customer. */
  CustomerProfile applyTo(@Nullable CustomerProfile current) {
    return new CustomerProfile(
        pick(kind, current == null ? null : current.kind()),
        pick(name, current == null ? null : current.name()),
        pick(gender, current == null ? null : current.gender()),
        birthday == null ? (current == null ? null : current.birthday()) : parseDate(birthday),
        pick(lunarBirthday, current != null && current.lunarBirthday()),
        contacts(phone, phones, current == null ? List.of() : current.phones()),
        contacts(email, emails, current == null ? List.of() : current.emails()),
        pick(province, current == null ? null : current.province()),
        pick(city, current == null ? null : current.city()),
        pick(address, current == null ? null : current.address()),
        source == null ? (current == null ? null : current.source()) : source,
        pick(externalId, current == null ? null : current.externalId()),
        tags == null ? (current == null ? Set.of() : current.tags()) : tags,
        pick(notes, current == null ? null : current.notes()),
        pick(idNumber, current == null ? null : current.idNumber()),
        contactPersons != null ? contactPersons : current == null ? List.of() : current.people());
  }

  private static <T> @Nullable T pick(@Nullable T value, @Nullable T current) {
    return value != null ? value : current;
  }

  private static List<String> contacts(
      @Nullable String primary, @Nullable List<String> all, List<String> current) {
    List<String> result = new ArrayList<>(all != null ? all : current);
    if (primary != null) {
      if (!result.isEmpty() && all == null) {
        result.remove(0); // the new primary replaces the old one
      }
      if (!primary.isBlank()) {
        result.add(0, primary);
      }
    }
    return result;
  }

  static @Nullable LocalDate parseDate(String value) {
    if (value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("birthday", "customer.birthday.invalid");
    }
  }
}
