package org.manyi.customers.internal;

import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;

/**
 * Someone we deal with at a company customer: the buyer, the decision maker, the one who pays.
 * Their phone and email are personal data, stored encrypted and masked like the customer's own.
 *
 * @param role their part in buying, such as 决策人 (decision maker) or 采购 (purchasing)
 */
public record ContactPerson(
    String name,
    @Nullable String title,
    @Nullable String role,
    @Nullable String phone,
    @Nullable String email) {

  static final int MAX_TEXT = 64;

  public ContactPerson {
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw ProblemException.invalid("contactPersons", "customer.person.name.required");
    }
    name = limit(name);
    title = title == null || title.isBlank() ? null : limit(title.strip());
    role = role == null || role.isBlank() ? null : limit(role.strip());
    if (phone != null && !phone.isBlank()) {
      String normalised = PhoneNumbers.normalise(phone);
      if (normalised == null) {
        throw ProblemException.invalid("contactPersons", "customer.phone.invalid", phone.strip());
      }
      phone = normalised;
    } else {
      phone = null;
    }
    if (email != null && !email.isBlank()) {
      String normalised = EmailAddresses.normalise(email);
      if (normalised == null) {
        throw ProblemException.invalid("contactPersons", "customer.email.invalid", email.strip());
      }
      email = normalised;
    } else {
      email = null;
    }
  }

  private static String limit(String value) {
    if (value.length() > MAX_TEXT) {
      throw ProblemException.invalid("contactPersons", "customer.field.tooLong", MAX_TEXT);
    }
    return value;
  }
}
