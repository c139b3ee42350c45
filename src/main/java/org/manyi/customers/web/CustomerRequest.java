package org.manyi.customers.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.internal.ConsentInput;
import org.manyi.customers.internal.CustomerEdit;
import org.manyi.customers.internal.CustomerKind;
import org.manyi.customers.internal.Gender;
import org.manyi.customers.internal.SourceChannel;

/**
 * A customer to create, or changes to one (PATCH): absent fields stay as they are, an empty string
 * or list clears a value. {@code name} is required on create.
 *
 * @param birthday ISO date such as 1990-05-20
 * @param phone the primary phone; {@code phones} replaces all of them
 * @param email the primary email; {@code emails} replaces all of them
 * @param idNumber resident identity card number (18 characters, checked)
 * @param contactPersons the people we deal with at a company customer; replaces all of them
 * @param customFields values of admin-defined fields by key ("" clears one; several choices as a
 *     list or joined by "|")
 */
record CustomerRequest(
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
    @Nullable List<ContactPersonResource> contactPersons,
    @Nullable Map<String, Object> customFields) {

  CustomerEdit edit() {
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
            contactPersons == null
                ? null
                : contactPersons.stream().map(ContactPersonResource::person).toList(),
            null)
        .withCustomFields(customFields);
  }
}
