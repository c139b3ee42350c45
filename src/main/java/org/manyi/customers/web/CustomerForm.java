package org.manyi.customers.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.internal.ConsentInput;
import org.manyi.customers.internal.ContactPerson;
import org.manyi.customers.internal.Customer;
import org.manyi.customers.internal.CustomerEdit;
import org.manyi.customers.internal.CustomerKind;
import org.manyi.customers.internal.CustomerProfile;
import org.manyi.customers.internal.Gender;
import org.manyi.customers.internal.SourceChannel;
import org.manyi.platform.ProblemException;

/**
 * The create and edit form. Phones and emails are one per line (the first is primary), tags
 * separated by commas or spaces. On edit, {@code contactsShown} is false when the user may not see
 * the contacts: the fields then start empty and an empty field keeps the stored contacts.
 */
record CustomerForm(
    @Nullable String kind,
    @Nullable String name,
    @Nullable String gender,
    @Nullable String birthday,
    @Nullable Boolean lunarBirthday,
    @Nullable String phones,
    @Nullable String emails,
    @Nullable String province,
    @Nullable String city,
    @Nullable String address,
    @Nullable String source,
    @Nullable String externalId,
    @Nullable String tags,
    @Nullable String ownerId,
    @Nullable String notes,
    @Nullable Boolean consentEmail,
    @Nullable Boolean consentSms,
    @Nullable Boolean consentWechat,
    @Nullable Boolean consentPhone,
    @Nullable String noticeVersion,
    @Nullable Boolean contactsShown,
    @Nullable String idNumber,
    @Nullable String contactPersons) {

  static CustomerForm empty() {
    return new CustomerForm(
        CustomerKind.PERSON.name(),
        "",
        Gender.UNKNOWN.name(),
        "",
        false,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        false,
        false,
        false,
        false,
        "",
        true,
        "",
        "");
  }

  /** The form filled from a customer; contacts only when the user may see them. */
  static CustomerForm of(Customer customer, boolean showContacts) {
    CustomerProfile p = customer.profile();
    return new CustomerForm(
        p.kind().name(),
        p.name(),
        p.gender().name(),
        p.birthday() == null ? "" : p.birthday().toString(),
        p.lunarBirthday(),
        showContacts ? String.join("\n", p.phones()) : "",
        showContacts ? String.join("\n", p.emails()) : "",
        p.province(),
        p.city(),
        p.address(),
        p.source() == null ? "" : p.source().name(),
        p.externalId(),
        String.join(", ", p.tags()),
        customer.ownerId().value().toString(),
        p.notes(),
        customer.consents(ConsentChannel.EMAIL),
        customer.consents(ConsentChannel.SMS),
        customer.consents(ConsentChannel.WECHAT),
        customer.consents(ConsentChannel.PHONE),
        customer.consentList().stream()
            .map(c -> c.noticeVersion())
            .filter(v -> v != null)
            .findFirst()
            .orElse(""),
        showContacts,
        showContacts && p.idNumber() != null ? p.idNumber() : "",
        showContacts ? people(p.people()) : "");
  }

  CustomerEdit edit() {
    boolean keepContacts = Boolean.FALSE.equals(contactsShown);
    return new CustomerEdit(
        choice("kind", CustomerKind.class, kind),
        name == null ? "" : name,
        choice("gender", Gender.class, gender),
        birthday == null ? "" : birthday,
        Boolean.TRUE.equals(lunarBirthday),
        null,
        keepContacts && blank(phones) ? null : lines(phones),
        null,
        keepContacts && blank(emails) ? null : lines(emails),
        orEmpty(province),
        orEmpty(city),
        orEmpty(address),
        choice("source", SourceChannel.class, source),
        orEmpty(externalId),
        new LinkedHashSet<>(words(tags)),
        orEmpty(notes),
        owner(),
        null,
        List.of(
            consent(ConsentChannel.EMAIL, consentEmail),
            consent(ConsentChannel.SMS, consentSms),
            consent(ConsentChannel.WECHAT, consentWechat),
            consent(ConsentChannel.PHONE, consentPhone)),
        keepContacts && blank(idNumber) ? null : orEmpty(idNumber),
        keepContacts && blank(contactPersons) ? null : people(contactPersons),
        null);
  }

  /** One person per line: name | title | role | phone | email (trailing parts may be left out). */
  private static List<ContactPerson> people(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<ContactPerson> people = new ArrayList<>();
    for (String line : value.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("[|｜]", -1);
      people.add(
          new ContactPerson(
              part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4)));
    }
    return people;
  }

  private static String part(String[] parts, int i) {
    return i < parts.length ? parts[i].strip() : "";
  }

  private static String people(List<ContactPerson> people) {
    return String.join(
        "\n",
        people.stream()
            .map(
                p ->
                    String.join(
                        " | ",
                        p.name(),
                        orEmpty(p.title()),
                        orEmpty(p.role()),
                        orEmpty(p.phone()),
                        orEmpty(p.email())))
            .toList());
  }

  /**
   * A choice from a select or radio group. Choices are taken as text and parsed here, so that a
   * tampered value is reported on its field like any other mistake instead of failing the binding.
   */
  private static <E extends Enum<E>> @Nullable E choice(
      String field, Class<E> type, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(field, "customer.choice.invalid");
    }
  }

  private @Nullable UUID owner() {
    if (ownerId == null || ownerId.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(ownerId.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("ownerId", "customer.owner.unknown");
    }
  }

  private ConsentInput consent(ConsentChannel channel, @Nullable Boolean granted) {
    return new ConsentInput(channel, Boolean.TRUE.equals(granted), "form", noticeVersion);
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static List<String> lines(@Nullable String value) {
    return value == null
        ? List.of()
        : new ArrayList<>(Arrays.stream(value.split("[\\r\\n,;，；]+")).map(String::strip).toList());
  }

  private static List<String> words(@Nullable String value) {
    return value == null || value.isBlank()
        ? List.of()
        : Arrays.stream(value.split("[\\s,;，；、]+")).filter(s -> !s.isBlank()).toList();
  }
}
