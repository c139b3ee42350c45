package org.manyi.customers.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.manyi.customers.internal.Assignment;
import org.manyi.customers.internal.CustomFields;
import org.manyi.customers.internal.Customer;
import org.manyi.customers.internal.CustomerManagement;
import org.manyi.customers.internal.CustomerProfile;
import org.manyi.customers.internal.EmailAddresses;
import org.manyi.customers.internal.IdNumbers;
import org.manyi.customers.internal.PhoneNumbers;
import org.manyi.identity.UserId;
import org.manyi.shared.PageResult;
import org.springframework.stereotype.Component;

/** Turns customers into what the API and pages show, masking contacts unless revealed. */
@Component
class CustomerViews {

  private final CustomerManagement customers;
  private final CustomFields customFields;

  CustomerViews(CustomerManagement customers, CustomFields customFields) {
    this.customers = customers;
    this.customFields = customFields;
  }

  CustomerResource resource(Customer c, boolean revealed) {
    CustomerProfile p = c.profile();
    List<String> phones = revealed ? p.phones() : maskPhones(p.phones());
    List<String> emails = revealed ? p.emails() : maskEmails(p.emails());
    return new CustomerResource(
        c.id().value(),
        p.kind(),
        p.name(),
        p.gender(),
        p.birthday(),
        p.lunarBirthday(),
        phones.isEmpty() ? null : phones.get(0),
        phones,
        emails.isEmpty() ? null : emails.get(0),
        emails,
        p.idNumber() == null ? null : revealed ? p.idNumber() : IdNumbers.mask(p.idNumber()),
        !revealed,
        p.province(),
        p.city(),
        p.address(),
        p.source(),
        p.tags(),
        p.externalId(),
        c.ownerId().value(),
        customers.userNames(Set.of(c.ownerId())).get(c.ownerId()),
        c.teamId() == null ? null : c.teamId().value(),
        c.stage(),
        p.completeness(),
        p.notes(),
        c.consentList().stream()
            .map(
                x ->
                    new CustomerResource.ConsentResource(
                        x.channel(), x.granted(), x.recordedAt(), x.method(), x.noticeVersion()))
            .toList(),
        p.people().stream()
            .map(
                x ->
                    new ContactPersonResource(
                        x.name(),
                        x.title(),
                        x.role(),
                        x.phone() == null || revealed ? x.phone() : PhoneNumbers.mask(x.phone()),
                        x.email() == null || revealed ? x.email() : EmailAddresses.mask(x.email())))
            .toList(),
        customFields.values(c.id()),
        c.createdAt(),
        c.createdBy().value(),
        c.updatedAt(),
        c.updatedBy().value());
  }

  PageResult<CustomerListItem> items(PageResult<Customer> page) {
    Map<UserId, String> owners =
        customers.userNames(
            page.items().stream().map(Customer::ownerId).collect(Collectors.toSet()));
    Map<java.util.UUID, Map<String, String>> custom =
        customFields.values(page.items().stream().map(Customer::id).toList());
    return page.map(
        c -> {
          CustomerProfile p = c.profile();
          return new CustomerListItem(
              c.id().value(),
              p.kind(),
              p.name(),
              p.gender(),
              p.primaryPhone() == null ? null : PhoneNumbers.mask(p.primaryPhone()),
              p.primaryEmail() == null ? null : EmailAddresses.mask(p.primaryEmail()),
              p.province(),
              p.city(),
              p.source(),
              p.tags(),
              c.stage(),
              p.completeness(),
              c.ownerId().value(),
              owners.get(c.ownerId()),
              c.createdAt(),
              custom.getOrDefault(c.id().value(), Map.of()));
        });
  }

  static List<String> maskPhones(List<String> phones) {
    return phones.stream().map(PhoneNumbers::mask).toList();
  }

  static List<String> maskEmails(List<String> emails) {
    return emails.stream().map(EmailAddresses::mask).toList();
  }

  /** The assignment history with names instead of IDs. */
  List<AssignmentView> assignments(List<Assignment> history) {
    Set<UserId> ids = new java.util.HashSet<>();
    for (Assignment a : history) {
      for (UserId id : java.util.Arrays.asList(a.from(), a.to(), a.by())) {
        if (id != null) {
          ids.add(id);
        }
      }
    }
    Map<UserId, String> names = customers.userNames(ids);
    return history.stream()
        .map(
            a ->
                new AssignmentView(
                    a.reason(),
                    a.from() == null ? null : names.get(a.from()),
                    a.to() == null ? null : names.get(a.to()),
                    a.by() == null ? null : names.get(a.by()),
                    a.note(),
                    a.at()))
        .toList();
  }
}
