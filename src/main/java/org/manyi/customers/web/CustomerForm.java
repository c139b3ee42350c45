package org.manyi.customers.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.ConsentChannel;
import org.manyi.customers.internal.ConsentInput;
import org.manyi.customers.internal.Customer;
import org.manyi.customers.internal.CustomerEdit;
import org.manyi.customers.internal.CustomerKind;
import org.manyi.customers.internal.CustomerProfile;
import org.manyi.customers.internal.Gender;
import org.manyi.customers.internal.SourceChannel;

/**
 * The create and edit form. Phones and emails are one per line (the first is primary), tags
 * separated by commas or spaces. On edit, {@code contactsShown} is false when the user may not see
 * the contacts: the fields then start empty and an empty field keeps the stored contacts.
 */
record CustomerForm(
    @Nullable CustomerKind kind,
    @Nullable String name,
    @Nullable Gender gender,
    @Nullable String birthday,
    @Nullable Boolean lunarBirthday,
    @Nullable String phones,
    @Nullable String emails,
    @Nullable String province,
    @Nullable String city,
    @Nullable String address,
    @Nullable SourceChannel source,
    @Nullable String externalId,
    @Nullable String tags,
    @Nullable UUID ownerId,
    @Nullable String notes,
    @Nullable Boolean consentEmail,
    @Nullable Boolean consentSms,
    @Nullable Boolean consentWechat,
    @Nullable Boolean consentPhone,
    @Nullable String noticeVersion,
    @Nullable Boolean contactsShown) {

  static CustomerForm empty() {
    return new CustomerForm(
        CustomerKind.PERSON,
        "",
        Gender.UNKNOWN,
        "",
        false,
        "",
        "",
        "",
        "",
        "",
        null,
        "",
        "",
        null,
        "",
        false,
        false,
        false,
        false,
        "",
        true);
  }

  /** The form filled from a customer; contacts only when the user may see them. */
  static CustomerForm of(Customer customer, boolean showContacts) {
    CustomerProfile p = customer.profile();
    return new CustomerForm(
        p.kind(),
        p.name(),
        p.gender(),
        p.birthday() == null ? "" : p.birthday().toString(),
        p.lunarBirthday(),
        showContacts ? String.join("\n", p.phones()) : "",
        showContacts ? String.join("\n", p.emails()) : "",
        p.province(),
        p.city(),
        p.address(),
        p.source(),
        p.externalId(),
        String.join(", ", p.tags()),
        customer.ownerId().value(),
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
        showContacts);
  }

  CustomerEdit edit() {
    boolean keepContacts = Boolean.FALSE.equals(contactsShown);
    return new CustomerEdit(
        kind,
        name == null ? "" : name,
        gender,
        birthday == null ? "" : birthday,
        Boolean.TRUE.equals(lunarBirthday),
        null,
        keepContacts && blank(phones) ? null : lines(phones),
        null,
        keepContacts && blank(emails) ? null : lines(emails),
        orEmpty(province),
        orEmpty(city),
        orEmpty(address),
        source,
        orEmpty(externalId),
        new LinkedHashSet<>(words(tags)),
        orEmpty(notes),
        ownerId,
        null,
        List.of(
            consent(ConsentChannel.EMAIL, consentEmail),
            consent(ConsentChannel.SMS, consentSms),
            consent(ConsentChannel.WECHAT, consentWechat),
            consent(ConsentChannel.PHONE, consentPhone)));
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
