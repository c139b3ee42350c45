package org.manyi.customers.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.internal.CustomerKind;
import org.manyi.customers.internal.Gender;
import org.manyi.customers.internal.SourceChannel;

/**
 * A customer as the JSON API shows it. Phones and emails are masked ({@code 138****1234}) unless
 * the record was asked for through the audited reveal; {@code masked} says which.
 *
 * @param phone the primary phone
 * @param email the primary email
 */
record CustomerResource(
    UUID id,
    CustomerKind kind,
    String name,
    Gender gender,
    @Nullable LocalDate birthday,
    boolean lunarBirthday,
    @Nullable String phone,
    List<String> phones,
    @Nullable String email,
    List<String> emails,
    @Nullable String idNumber,
    boolean masked,
    @Nullable String province,
    @Nullable String city,
    @Nullable String address,
    @Nullable SourceChannel source,
    Set<String> tags,
    @Nullable String externalId,
    UUID ownerId,
    @Nullable String ownerName,
    @Nullable UUID teamId,
    LifecycleStage stage,
    int completeness,
    @Nullable String notes,
    List<ConsentResource> consents,
    List<ContactPersonResource> contactPersons,
    Map<String, String> customFields,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy) {

  /** One channel's consent with its proof. */
  record ConsentResource(
      ConsentChannel channel,
      boolean granted,
      Instant recordedAt,
      String method,
      @Nullable String noticeVersion) {}
}
