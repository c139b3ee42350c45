package org.manyi.customers.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Permission;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.TabularWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the customers a filter selects within the user's scope to CSV or XLSX, streaming. The
 * headings and values are the ones the import understands, so an exported file can be edited and
 * imported again. Phones and emails are unmasked only for users with the reveal permission; every
 * exported customer gets an audit entry naming the exported personal fields.
 */
@Service
public class CustomerExport {

  static final int CHUNK = 1000;
  private static final List<String> COLUMNS =
      List.of(
          "name",
          "kind",
          "gender",
          "birthday",
          "lunarBirthday",
          "phone",
          "email",
          "province",
          "city",
          "address",
          "source",
          "externalId",
          "tags",
          "notes",
          "owner");

  private final CustomerRepository customers;
  private final CustomerAuditTrail audit;
  private final Users users;
  private final MessageSource messages;
  private final TransactionTemplate transactions;
  private final CustomFields customFields;
  private final Clock clock = Clock.systemUTC();

  CustomerExport(
      CustomerRepository customers,
      CustomerAuditTrail audit,
      Users users,
      MessageSource messages,
      TransactionTemplate transactions,
      CustomFields customFields) {
    this.customFields = customFields;
    this.customers = customers;
    this.audit = audit;
    this.users = users;
    this.messages = messages;
    this.transactions = transactions;
  }

  /** Writes the file; headings and words in the reader's language. */
  public void write(
      CustomerFilter filter,
      TabularWriter.Format format,
      OutputStream out,
      CurrentUser me,
      Locale locale) {
    boolean reveal = me.can(Permission.CUSTOMERS_REVEAL);
    String fields = reveal ? "export:phones,emails" : "export:masked";
    Map<UserId, String> usernames = new HashMap<>();
    List<CustomField> custom = customFields.all();
    try (TabularWriter writer = TabularWriter.open(format, out)) {
      List<@Nullable String> headings = new ArrayList<>();
      COLUMNS.forEach(
          c -> headings.add(messages.getMessage("customer.import.field." + c, null, c, locale)));
      custom.forEach(f -> headings.add(f.label(locale)));
      writer.row(headings);
      customers.forEach(
          filter,
          DataScope.of(me),
          CHUNK,
          chunk -> {
            Map<java.util.UUID, Map<String, String>> values =
                customFields.values(chunk.stream().map(Customer::id).toList());
            for (Customer c : chunk) {
              List<@Nullable String> row = row(c, reveal, usernames, locale);
              Map<String, String> own = values.getOrDefault(c.id().value(), Map.of());
              custom.forEach(f -> row.add(own.get(f.key())));
              writer.row(row);
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(
                tx ->
                    audit.recordAll(
                        chunk.stream().map(Customer::id).toList(),
                        me,
                        AuditAction.EXPORTED,
                        fields,
                        now));
          });
    }
  }

  private List<@Nullable String> row(
      Customer c, boolean reveal, Map<UserId, String> usernames, Locale locale) {
    CustomerProfile p = c.profile();
    String phone = p.primaryPhone();
    String email = p.primaryEmail();
    List<@Nullable String> row = new ArrayList<>(COLUMNS.size());
    row.add(p.name());
    row.add(word("customer.kind." + p.kind(), locale));
    row.add(word("customer.gender." + p.gender(), locale));
    row.add(p.birthday() == null ? null : p.birthday().toString());
    row.add(p.lunarBirthday() ? word("customer.export.yes", locale) : null);
    row.add(phone == null ? null : reveal ? phone : PhoneNumbers.mask(phone));
    row.add(email == null ? null : reveal ? email : EmailAddresses.mask(email));
    row.add(p.province());
    row.add(p.city());
    row.add(p.address());
    row.add(p.source() == null ? null : word("customer.source." + p.source(), locale));
    row.add(p.externalId());
    row.add(String.join("、", p.tags()));
    row.add(p.notes());
    row.add(
        usernames.computeIfAbsent(
            c.ownerId(), id -> users.find(id).map(UserSummary::username).orElse("")));
    return row;
  }

  private String word(String key, Locale locale) {
    return Objects.requireNonNull(messages.getMessage(key, null, key, locale));
  }
}
