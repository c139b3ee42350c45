package org.manyi.customers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;

/**
 * What a user can edit about a customer, validated and normalised on construction: phones and
 * emails in canonical form without repeats (the first is the primary one), tags trimmed and
 * distinct, blanks as null. Invalid input is refused naming the field, as the API and forms call
 * it.
 */
public record CustomerProfile(
    CustomerKind kind,
    String name,
    Gender gender,
    @Nullable LocalDate birthday,
    boolean lunarBirthday,
    List<String> phones,
    List<String> emails,
    @Nullable String province,
    @Nullable String city,
    @Nullable String address,
    @Nullable SourceChannel source,
    @Nullable String externalId,
    Set<String> tags,
    @Nullable String notes,
    @Nullable String idNumber,
    List<ContactPerson> people) {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  static final int MAX_NAME = 128;
  static final int MAX_CONTACTS = 5;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 32;
  static final int MAX_NOTES = 4000;
  static final int MAX_PEOPLE = 20;

  public CustomerProfile {
    name = name == null ? "" : SPACES.matcher(name.strip()).replaceAll(" ");
    if (name.isEmpty()) {
      throw ProblemException.invalid("name", "customer.name.required");
    }
    if (name.length() > MAX_NAME) {
      throw ProblemException.invalid("name", "customer.name.tooLong", MAX_NAME);
    }
    kind = kind == null ? CustomerKind.PERSON : kind;
    gender = gender == null || kind == CustomerKind.COMPANY ? Gender.UNKNOWN : gender;
    if (birthday != null
        && (birthday.isAfter(LocalDate.now()) || birthday.isBefore(LocalDate.of(1900, 1, 1)))) {
      throw ProblemException.invalid("birthday", "customer.birthday.range");
    }
    lunarBirthday = lunarBirthday && birthday != null;
    phones = phones(phones);
    emails = emails(emails);
    province = text("province", province, 32);
    city = text("city", city, 32);
    address = text("address", address, 255);
    externalId = text("externalId", externalId, 64);
    tags = tags(tags);
    notes = text("notes", notes, MAX_NOTES);
    people = people == null ? List.of() : List.copyOf(people);
    if (!people.isEmpty() && kind != CustomerKind.COMPANY) {
      throw ProblemException.invalid("contactPersons", "customer.person.companyOnly");
    }
    if (people.size() > MAX_PEOPLE) {
      throw ProblemException.invalid("contactPersons", "customer.contacts.tooMany", MAX_PEOPLE);
    }
    if (idNumber != null && !idNumber.isBlank()) {
      String normalised = IdNumbers.normalise(idNumber);
      if (normalised == null) {
        throw ProblemException.invalid("idNumber", "customer.idNumber.invalid");
      }
      idNumber = normalised;
    } else {
      idNumber = null;
    }
  }

  /**
   * How much of the profile is filled in, 0 to 100: contacts weigh most, as they decide whether the
   * customer can be served at all. Birthday and gender do not count for companies.
   */
  public int completeness() {
    boolean person = kind == CustomerKind.PERSON;
    int possible = 0;
    int got = 0;
    int[][] parts = {
      {25, phones.isEmpty() ? 0 : 1},
      {10, emails.isEmpty() ? 0 : 1},
      {person ? 10 : 0, birthday == null ? 0 : 1},
      {person ? 5 : 0, gender == Gender.UNKNOWN ? 0 : 1},
      {5, province == null ? 0 : 1},
      {10, city == null ? 0 : 1},
      {10, address == null ? 0 : 1},
      {10, source == null ? 0 : 1},
      {10, tags.isEmpty() ? 0 : 1},
      {5, notes == null ? 0 : 1}
    };
    for (int[] part : parts) {
      possible += part[0];
      got += part[0] * part[1];
    }
    return Math.round(100f * got / possible);
  }

  public @Nullable String primaryPhone() {
    return phones.isEmpty() ? null : phones.get(0);
  }

  public @Nullable String primaryEmail() {
    return emails.isEmpty() ? null : emails.get(0);
  }

  private static List<String> phones(@Nullable List<String> raw) {
    Set<String> result = new LinkedHashSet<>();
    for (String value : raw == null ? List.<String>of() : raw) {
      if (value == null || value.isBlank()) {
        continue;
      }
      String phone = PhoneNumbers.normalise(value);
      if (phone == null) {
        throw ProblemException.invalid("phone", "customer.phone.invalid", value.strip());
      }
      result.add(phone);
    }
    if (result.size() > MAX_CONTACTS) {
      throw ProblemException.invalid("phones", "customer.contacts.tooMany", MAX_CONTACTS);
    }
    return List.copyOf(result);
  }

  private static List<String> emails(@Nullable List<String> raw) {
    Set<String> result = new LinkedHashSet<>();
    for (String value : raw == null ? List.<String>of() : raw) {
      if (value == null || value.isBlank()) {
        continue;
      }
      String email = EmailAddresses.normalise(value);
      if (email == null) {
        throw ProblemException.invalid("email", "customer.email.invalid", value.strip());
      }
      result.add(email);
    }
    if (result.size() > MAX_CONTACTS) {
      throw ProblemException.invalid("emails", "customer.contacts.tooMany", MAX_CONTACTS);
    }
    return List.copyOf(result);
  }

  private static Set<String> tags(@Nullable Set<String> raw) {
    Set<String> result = new LinkedHashSet<>();
    for (String value : raw == null ? Set.<String>of() : raw) {
      if (value == null || value.isBlank()) {
        continue;
      }
      String tag = value.strip();
      if (tag.length() > MAX_TAG) {
        throw ProblemException.invalid("tags", "customer.tag.tooLong", MAX_TAG);
      }
      result.add(tag);
    }
    if (result.size() > MAX_TAGS) {
      throw ProblemException.invalid("tags", "customer.tags.tooMany", MAX_TAGS);
    }
    return java.util.Collections.unmodifiableSet(result);
  }

  private static @Nullable String text(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw ProblemException.invalid(field, "customer.field.tooLong", max);
    }
    return stripped;
  }

  /** A copy with the given contacts, for changes that touch only them. */
  CustomerProfile withContacts(List<String> phones, List<String> emails) {
    return new CustomerProfile(
        kind,
        name,
        gender,
        birthday,
        lunarBirthday,
        new ArrayList<>(phones),
        new ArrayList<>(emails),
        province,
        city,
        address,
        source,
        externalId,
        tags,
        notes,
        idNumber,
        people);
  }
}
