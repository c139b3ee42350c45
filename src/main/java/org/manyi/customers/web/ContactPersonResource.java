package org.manyi.customers.web;

import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.ContactPerson;

/**
 * A contact person of a company customer, in requests and (masked unless revealed) in responses.
 *
 * @param role their part in buying, such as 决策人 (decision maker)
 */
record ContactPersonResource(
    @Nullable String name,
    @Nullable String title,
    @Nullable String role,
    @Nullable String phone,
    @Nullable String email) {

  ContactPerson person() {
    return new ContactPerson(name == null ? "" : name, title, role, phone, email);
  }
}
