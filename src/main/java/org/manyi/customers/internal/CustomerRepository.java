package org.manyi.customers.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSelection;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.StageChange;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customers in {@code customer} with their contacts (encrypted, see {@link PersonalDataCipher}),
 * tags and consents in child tables. Every read that serves a user takes a {@link DataScope}.
 */
@Repository
class CustomerRepository {

  /** Channels of {@code customer_contact}. */
  private static final String PHONE = "PHONE";

  private static final String EMAIL = "EMAIL";

  /** The resident identity card number, at most one per customer. */
  private static final String ID_NUMBER = "IDNO";

  private static final String COLUMNS =
      "c.id, c.kind, c.name, c.gender, c.birthday, c.lunar_birthday, c.province, c.city,"
          + " c.address, c.source, c.external_id, c.owner_id, c.team_id, c.stage, c.notes,"
          + " c.created_at, c.created_by, c.updated_at, c.updated_by";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final PersonalDataCipher cipher;

  /** Lists count their matches up to this many; beyond it the total reads "10,000+". */
  static final int COUNT_CAP = 10_000;

  /** Name matches beyond which a search walks the list instead of collecting every match. */
  static final int BROAD_TERM = 2_000;

  CustomerRepository(JdbcClient jdbc, JdbcTemplate batch, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.cipher = cipher;
  }

  void insert(Customer customer) {
    insertAll(List.of(customer));
  }

  /** Inserts many customers with batched statements (demo data, later imports). */
  void insertAll(List<Customer> customers) {
    batch.batchUpdate(
        "INSERT INTO customer (id, kind, name, name_search, gender, birthday, lunar_birthday,"
            + " province, city, address, source, external_id, owner_id, team_id, stage, notes,"
            + " completeness, created_at, created_by, updated_at, updated_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        customers.stream().map(this::row).toList());
    writeChildren(customers);
  }

  void update(Customer customer) {
    Object[] row = row(customer);
    Object[] params = new Object[row.length];
    System.arraycopy(row, 1, params, 0, row.length - 1);
    params[row.length - 1] = row[0];
    // created_at and created_by never change; they are written again with their own values
    jdbc.sql(
            "UPDATE customer SET kind = ?, name = ?, name_search = ?, gender = ?, birthday = ?,"
                + " lunar_birthday = ?, province = ?, city = ?, address = ?, source = ?,"
                + " external_id = ?, owner_id = ?, team_id = ?, stage = ?, notes = ?,"
                + " completeness = ?, created_at = ?, created_by = ?, updated_at = ?, updated_by = ? WHERE id = ?")
        .params(params)
        .update();
    for (String table :
        List.of(
            "customer_contact",
            "customer_tag",
            "customer_consent",
            "customer_person",
            "customer_name_token")) {
      jdbc.sql("DELETE FROM " + table + " WHERE customer_id = ?")
          .param(customer.id().value())
          .update();
    }
    writeChildren(List.of(customer));
  }

  void delete(CustomerId id) {
    jdbc.sql("DELETE FROM customer WHERE id = ?").param(id.value()).update();
  }

  private Object[] row(Customer c) {
    CustomerProfile p = c.profile();
    return new Object[] {
      c.id().value(),
      p.kind().name(),
      p.name(),
      NameSearch.of(p.name()),
      p.gender().name(),
      p.birthday() == null ? null : Date.valueOf(p.birthday()),
      p.lunarBirthday(),
      p.province(),
      p.city(),
      p.address(),
      p.source() == null ? null : p.source().name(),
      p.externalId(),
      c.ownerId().value(),
      c.teamId() == null ? null : c.teamId().value(),
      c.stage().name(),
      p.notes(),
      p.completeness(),
      toDb(c.createdAt()),
      c.createdBy().value(),
      toDb(c.updatedAt()),
      c.updatedBy().value()
    };
  }

  private void writeChildren(List<Customer> customers) {
    List<Object[]> contacts = new ArrayList<>();
    List<Object[]> tags = new ArrayList<>();
    List<Object[]> consents = new ArrayList<>();
    List<Object[]> people = new ArrayList<>();
    List<Object[]> tokens = new ArrayList<>();
    for (Customer c : customers) {
      UUID id = c.id().value();
      for (String token : NameSearch.tokens(c.profile().name())) {
        tokens.add(new Object[] {token, id});
      }
      List<String> phones = c.profile().phones();
      for (int i = 0; i < phones.size(); i++) {
        String phone = phones.get(i);
        contacts.add(
            new Object[] {
              id, PHONE, i, cipher.encrypt(phone), cipher.hash(phone), PhoneNumbers.lastFour(phone)
            });
      }
      List<String> emails = c.profile().emails();
      for (int i = 0; i < emails.size(); i++) {
        String email = emails.get(i);
        contacts.add(new Object[] {id, EMAIL, i, cipher.encrypt(email), cipher.hash(email), null});
      }
      String idNumber = c.profile().idNumber();
      if (idNumber != null) {
        contacts.add(
            new Object[] {id, ID_NUMBER, 0, cipher.encrypt(idNumber), cipher.hash(idNumber), null});
      }
      for (String tag : c.profile().tags()) {
        tags.add(new Object[] {id, tag});
      }
      List<ContactPerson> persons = c.profile().people();
      for (int i = 0; i < persons.size(); i++) {
        ContactPerson p = persons.get(i);
        people.add(
            new Object[] {
              id,
              i,
              p.name(),
              p.title(),
              p.role(),
              p.phone() == null ? null : cipher.encrypt(p.phone()),
              p.email() == null ? null : cipher.encrypt(p.email())
            });
      }
      for (Consent consent : c.consentList()) {
        consents.add(
            new Object[] {
              id,
              consent.channel().name(),
              consent.granted(),
              toDb(consent.recordedAt()),
              consent.method(),
              consent.noticeVersion()
            });
      }
    }
    if (!contacts.isEmpty()) {
      batch.batchUpdate(
          "INSERT INTO customer_contact (customer_id, channel, seq, cipher_text, lookup_hash,"
              + " last_four) VALUES (?, ?, ?, ?, ?, ?)",
          contacts);
    }
    if (!tags.isEmpty()) {
      batch.batchUpdate("INSERT INTO customer_tag (customer_id, tag) VALUES (?, ?)", tags);
    }
    if (!tokens.isEmpty()) {
      batch.batchUpdate(
          "INSERT INTO customer_name_token (token, customer_id) VALUES (?, ?)", tokens);
    }
    if (!people.isEmpty()) {
      batch.batchUpdate(
          "INSERT INTO customer_person (customer_id, seq, name, title, role, phone_cipher,"
              + " email_cipher) VALUES (?, ?, ?, ?, ?, ?, ?)",
          people);
    }
    if (!consents.isEmpty()) {
      batch.batchUpdate(
          "INSERT INTO customer_consent (customer_id, channel, granted, recorded_at, method,"
              + " notice_version) VALUES (?, ?, ?, ?, ?, ?)",
          consents);
    }
  }

  /** Customer IDs by external ID, for the given IDs (chunked to keep statements small). */
  Map<String, CustomerId> idsByExternalId(Collection<String> externalIds) {
    Map<String, CustomerId> found = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(externalIds)))) {
      jdbc.sql(
              "SELECT id, external_id FROM customer WHERE external_id IN ("
                  + marks(chunk.size())
                  + ")")
          .params(new ArrayList<Object>(chunk))
          .query(
              (rs, n) ->
                  found.putIfAbsent(
                      rs.getString("external_id"), new CustomerId(rs.getObject("id", UUID.class))))
          .list();
    }
    return found;
  }

  /** Customer IDs by phone number, keyed by the number as given; invalid numbers left out. */
  Map<String, CustomerId> idsByPhone(Collection<String> phones) {
    return idsByContact(phones, PhoneNumbers::normalise);
  }

  /** Customers by email, for the given addresses (as given; invalid ones are skipped). */
  Map<String, CustomerId> idsByEmail(Collection<String> emails) {
    return idsByContact(emails, EmailAddresses::normalise);
  }

  /** Customers by a contact point as given, matched on the keyed hash of its normal form. */
  private Map<String, CustomerId> idsByContact(
      Collection<String> given, java.util.function.Function<String, @Nullable String> normalise) {
    Map<String, List<String>> asGiven = new HashMap<>();
    for (String value : given) {
      String normalised = normalise.apply(value);
      if (normalised != null) {
        asGiven.computeIfAbsent(cipher.hash(normalised), h -> new ArrayList<>()).add(value);
      }
    }
    Map<String, CustomerId> found = new HashMap<>();
    idsByContactHash(asGiven.keySet())
        .forEach((hash, id) -> asGiven.get(hash).forEach(value -> found.put(value, id)));
    return found;
  }

  /** Customers with the same name and birthday, keyed by {@link #nameAndBirthday}. */
  Map<String, CustomerId> idsByNameAndBirthday(Collection<CustomerProfile> profiles) {
    Set<String> names = new LinkedHashSet<>();
    Set<java.time.LocalDate> birthdays = new LinkedHashSet<>();
    for (CustomerProfile p : profiles) {
      if (p.birthday() != null) {
        names.add(p.name());
        birthdays.add(p.birthday());
      }
    }
    Map<String, CustomerId> found = new HashMap<>();
    if (names.isEmpty()) {
      return found;
    }
    // candidates from both lists through the (name, birthday) index; exact pairs kept
    for (List<String> chunk : chunks(new ArrayList<>(names))) {
      List<Object> params = new ArrayList<>(chunk);
      birthdays.forEach(b -> params.add(Date.valueOf(b)));
      jdbc.sql(
              "SELECT id, name, birthday FROM customer WHERE name IN ("
                  + marks(chunk.size())
                  + ") AND birthday IN ("
                  + marks(birthdays.size())
                  + ")")
          .params(params)
          .query(
              rs -> {
                found.putIfAbsent(
                    nameAndBirthday(rs.getString("name"), rs.getDate("birthday").toLocalDate()),
                    new CustomerId(rs.getObject("id", UUID.class)));
              });
    }
    return found;
  }

  static String nameAndBirthday(String name, java.time.LocalDate birthday) {
    return name + "|" + birthday;
  }

  private Map<String, CustomerId> idsByContactHash(Collection<String> hashes) {
    Map<String, CustomerId> found = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(hashes)))) {
      jdbc.sql(
              "SELECT customer_id, lookup_hash FROM customer_contact WHERE lookup_hash IN ("
                  + marks(chunk.size())
                  + ") ORDER BY seq")
          .params(new ArrayList<Object>(chunk))
          .query(
              (rs, n) ->
                  found.putIfAbsent(
                      rs.getString("lookup_hash"),
                      new CustomerId(rs.getObject("customer_id", UUID.class))))
          .list();
    }
    return found;
  }

  private static List<List<String>> chunks(List<String> values) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < values.size(); i += 500) {
      chunks.add(values.subList(i, Math.min(values.size(), i + 500)));
    }
    return chunks;
  }

  /** Sets the stage alone, for moves derived by other modules; false when nothing changed. */
  boolean updateStage(CustomerId id, LifecycleStage from, LifecycleStage to) {
    return jdbc.sql("UPDATE customer SET stage = ? WHERE id = ? AND stage = ?")
            .params(to.name(), id.value(), from.name())
            .update()
        == 1;
  }

  void insertStageChange(StageChange change) {
    jdbc.sql(
            "INSERT INTO customer_stage_change (customer_id, from_stage, to_stage, reason,"
                + " changed_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            change.customer().value(),
            change.from().name(),
            change.to().name(),
            change.reason(),
            toDb(change.at()))
        .update();
  }

  List<StageChange> stageChanges(CustomerId id) {
    return jdbc.sql(
            "SELECT from_stage, to_stage, reason, changed_at FROM customer_stage_change"
                + " WHERE customer_id = ? ORDER BY changed_at DESC, seq DESC")
        .param(id.value())
        .query(
            (rs, n) ->
                new StageChange(
                    id,
                    LifecycleStage.valueOf(rs.getString("from_stage")),
                    LifecycleStage.valueOf(rs.getString("to_stage")),
                    rs.getString("reason"),
                    fromDb(rs.getObject("changed_at", OffsetDateTime.class))))
        .list();
  }

  /** Moves the latest follow-up forward to {@code at}, never back. */
  void followedUp(CustomerId id, java.time.Instant at) {
    jdbc.sql(
            "UPDATE customer SET last_follow_up_at = ? WHERE id = ? AND (last_follow_up_at IS NULL"
                + " OR last_follow_up_at < ?)")
        .params(toDb(at), id.value(), toDb(at))
        .update();
  }

  /** A customer within the scope; absent when it does not exist or lies outside the scope. */
  Optional<Customer> find(CustomerId id, DataScope scope) {
    Where where = new Where();
    where.add("c.id = ?", id.value());
    where.scopeWithPool(scope);
    return load(jdbc.sql("SELECT " + COLUMNS + " FROM customer c" + where).params(where.params))
        .stream()
        .findFirst();
  }

  /** A customer regardless of scope, for other modules' reads. */
  Optional<Customer> find(CustomerId id) {
    return load(jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.id = ?").param(id.value()))
        .stream()
        .findFirst();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
  }

  java.util.Map<LifecycleStage, Long> countByStage() {
    java.util.Map<LifecycleStage, Long> counts = new java.util.EnumMap<>(LifecycleStage.class);
    jdbc.sql("SELECT stage, COUNT(*) AS n FROM customer GROUP BY stage")
        .query(
            rs -> {
              counts.put(LifecycleStage.valueOf(rs.getString("stage")), rs.getLong("n"));
            });
    return counts;
  }

  java.util.Map<String, Long> countByCity() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT TRIM(COALESCE(city, '')) AS city, COUNT(*) AS n FROM customer GROUP BY"
                + " TRIM(COALESCE(city, ''))")
        .query(
            rs -> {
              counts.merge(rs.getString("city"), rs.getLong("n"), Long::sum);
            });
    return counts;
  }

  List<Customer> list(int offset, int limit) {
    return load(
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM customer c ORDER BY c.created_at, c.id LIMIT ? OFFSET ?")
            .params(limit, offset));
  }

  PageResult<Customer> search(
      CustomerFilter filter, DataScope scope, CustomerSort sort, boolean desc, PageRequest page) {
    return page(filtered(filter, scope), sort, desc, page);
  }

  /** Customers in the public pool that the filter selects; the pool is open to every user. */
  PageResult<Customer> pool(
      CustomerFilter filter, UserId reader, CustomerSort sort, boolean desc, PageRequest page) {
    Where where = filtered(filter, new DataScope(DataScope.Level.ALL, reader, null));
    where.add("c.in_pool = TRUE");
    return page(where, sort, desc, page);
  }

  private PageResult<Customer> page(
      Where where, CustomerSort sort, boolean desc, PageRequest page) {
    // counting stops after COUNT_CAP rows: an exact total of a million customers costs more than
    // the page itself, and nobody pages that far
    long total =
        jdbc.sql(
                "SELECT COUNT(*) FROM (SELECT 1 FROM customer c"
                    + where.forCount()
                    + " LIMIT "
                    + (COUNT_CAP + 1)
                    + ") counted")
            .params(where.params)
            .query(Long.class)
            .single();
    boolean capped = total > COUNT_CAP;
    List<Object> params = new ArrayList<>(where.params);
    params.add(page.size());
    params.add(page.offset());
    List<Customer> items =
        load(
            jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM customer c"
                        + where
                        + " ORDER BY "
                        + sort.column
                        + (desc ? " DESC" : " ASC")
                        + ", c.id LIMIT ? OFFSET ?")
                .params(params));
    return new PageResult<>(items, page.page(), page.size(), capped ? COUNT_CAP : total, capped);
  }

  /**
   * The search box: an email finds by its keyed hash; a phone number by its hash, four digits by
   * the last four of any phone; anything may be an external ID; text matches the name's search form
   * (characters, pinyin, initials).
   */
  private void query(Where where, @Nullable String q) {
    if (q == null || q.isBlank()) {
      return;
    }
    String term = q.strip();
    // Exact lookups are written as IN (... UNION ALL ...) rather than with OR, so that both
    // databases answer them from the indexes instead of scanning every customer.
    if (term.contains("@")) {
      String email = EmailAddresses.normalise(term);
      byContactOrExternalId(
          where,
          "k.lookup_hash = ?",
          cipher.hash(email == null ? term.toLowerCase(java.util.Locale.ROOT) : email),
          term);
      return;
    }
    String digits = term.replaceAll("[\\s\\-]", "");
    if (digits.matches("\\d{4}")) {
      byContactOrExternalId(where, "k.last_four = ? AND k.channel = 'PHONE'", digits, term);
      return;
    }
    String idNumber = IdNumbers.normalise(term);
    String phone = idNumber != null ? idNumber : PhoneNumbers.normalise(term);
    if (phone != null) {
      byContactOrExternalId(where, "k.lookup_hash = ?", cipher.hash(phone), term);
      return;
    }
    String prefix = tokenPrefix(term);
    String end = prefix + '\uffff';
    // ranges on the token index mean "starts with" without LIKE, whose plans differ by database.
    // A narrow term is answered from its few matches; a broad one (a common given name) by walking
    // the list in order and checking each customer's tokens, so the first page comes at once.
    long hits =
        jdbc.sql(
                "SELECT COUNT(*) FROM (SELECT 1 FROM customer_name_token t WHERE t.token >= ? AND"
                    + " t.token < ? LIMIT "
                    + (BROAD_TERM + 1)
                    + ") hits")
            .params(prefix, end)
            .query(Long.class)
            .single();
    String collect =
        "c.id IN (SELECT t.customer_id FROM customer_name_token t WHERE t.token >= ? AND t.token"
            + " < ? UNION ALL SELECT x.id FROM customer x WHERE x.external_id = ?)";
    if (hits > BROAD_TERM) {
      where.addEither(
          "(EXISTS (SELECT 1 FROM customer_name_token t WHERE t.customer_id = c.id AND t.token >="
              + " ? AND t.token < ?) OR c.external_id = ?)",
          collect,
          prefix,
          end,
          term);
      return;
    }
    where.add(collect, prefix, end, term);
  }

  private static String tokenPrefix(String term) {
    String prefix = NameSearch.normaliseTerm(term);
    return prefix.length() > NameSearch.MAX_TOKEN
        ? prefix.substring(0, NameSearch.MAX_TOKEN)
        : prefix;
  }

  /** Customers whose name tokens start with the term, at most {@code limit}. */
  List<CustomerId> idsByName(String term, int limit) {
    String prefix = tokenPrefix(term);
    if (prefix.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT DISTINCT t.customer_id FROM customer_name_token t WHERE t.token >= ? AND"
                + " t.token < ? LIMIT ?")
        .params(prefix, prefix + '\uffff', limit)
        .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
        .list();
  }

  private static void byContactOrExternalId(
      Where where, String contactCondition, String contactValue, String externalId) {
    where.add(
        "c.id IN (SELECT k.customer_id FROM customer_contact k WHERE "
            + contactCondition
            + " UNION ALL SELECT x.id FROM customer x WHERE x.external_id = ?)",
        contactValue,
        externalId);
  }

  /**
   * Customers that are likely the same person as {@code profile}, with why: a shared phone or
   * email, the same name and birthday, or the same external ID. Not scoped: a duplicate in another
   * team is still a duplicate.
   */
  Map<CustomerId, Set<DuplicateReason>> duplicates(
      CustomerProfile profile, @Nullable CustomerId except) {
    Map<UUID, Set<DuplicateReason>> found = new HashMap<>();
    List<String> hashes = new ArrayList<>();
    profile.phones().forEach(p -> hashes.add(cipher.hash(p)));
    profile.emails().forEach(e -> hashes.add(cipher.hash(e)));
    if (profile.idNumber() != null) {
      hashes.add(cipher.hash(profile.idNumber()));
    }
    if (!hashes.isEmpty()) {
      jdbc.sql(
              "SELECT customer_id, channel FROM customer_contact WHERE lookup_hash IN ("
                  + marks(hashes.size())
                  + ")")
          .params(new ArrayList<Object>(hashes))
          .query(
              rs -> {
                found
                    .computeIfAbsent(
                        rs.getObject("customer_id", UUID.class), k -> new LinkedHashSet<>())
                    .add(reason(rs.getString("channel")));
              });
    }
    if (profile.birthday() != null) {
      jdbc.sql("SELECT id FROM customer WHERE name = ? AND birthday = ? LIMIT 20")
          .params(profile.name(), Date.valueOf(profile.birthday()))
          .query(UUID.class)
          .list()
          .forEach(
              id ->
                  found
                      .computeIfAbsent(id, k -> new LinkedHashSet<>())
                      .add(DuplicateReason.NAME_AND_BIRTHDAY));
    }
    if (profile.externalId() != null) {
      jdbc.sql("SELECT id FROM customer WHERE external_id = ? LIMIT 20")
          .param(profile.externalId())
          .query(UUID.class)
          .list()
          .forEach(
              id ->
                  found
                      .computeIfAbsent(id, k -> new LinkedHashSet<>())
                      .add(DuplicateReason.EXTERNAL_ID));
    }
    Map<CustomerId, Set<DuplicateReason>> result = new java.util.LinkedHashMap<>();
    found.forEach(
        (id, reasons) -> {
          if (except == null || !except.value().equals(id)) {
            result.put(new CustomerId(id), reasons);
          }
        });
    return result;
  }

  /**
   * Pairs of customers within the scope that look like one person: a shared phone or email, the
   * same name and birthday, or the same external ID. At most {@code limit} pairs per reason.
   */
  Map<List<CustomerId>, Set<DuplicateReason>> suspectedDuplicates(DataScope scope, int limit) {
    Map<List<CustomerId>, Set<DuplicateReason>> pairs = new java.util.LinkedHashMap<>();
    List<Object> params = new ArrayList<>();
    String both = bothInScope(scope, params);
    List<Object> contactParams = new ArrayList<>(params);
    contactParams.add(limit);
    pairs(
        pairs,
        "SELECT ka.customer_id AS first_id, kb.customer_id AS second_id, ka.channel AS reason"
            + " FROM customer_contact ka JOIN customer_contact kb ON kb.lookup_hash ="
            + " ka.lookup_hash AND ka.customer_id < kb.customer_id"
            + " JOIN customer ca ON ca.id = ka.customer_id JOIN customer cb ON cb.id ="
            + " kb.customer_id WHERE 1 = 1"
            + both
            + " LIMIT ?",
        contactParams);
    List<Object> nameParams = new ArrayList<>(params);
    nameParams.add(limit);
    pairs(
        pairs,
        "SELECT ca.id AS first_id, cb.id AS second_id, 'NAME_AND_BIRTHDAY' AS reason FROM"
            + " customer ca JOIN customer cb ON cb.name = ca.name AND cb.birthday = ca.birthday"
            + " AND ca.id < cb.id WHERE 1 = 1"
            + both
            + " LIMIT ?",
        nameParams);
    List<Object> externalParams = new ArrayList<>(params);
    externalParams.add(limit);
    pairs(
        pairs,
        "SELECT ca.id AS first_id, cb.id AS second_id, 'EXTERNAL_ID' AS reason FROM customer ca"
            + " JOIN customer cb ON cb.external_id = ca.external_id AND ca.id < cb.id WHERE 1 = 1"
            + both
            + " LIMIT ?",
        externalParams);
    return pairs;
  }

  private void pairs(
      Map<List<CustomerId>, Set<DuplicateReason>> pairs, String sql, List<Object> params) {
    jdbc.sql(sql)
        .params(params)
        .query(
            rs -> {
              List<CustomerId> pair =
                  List.of(
                      new CustomerId(rs.getObject("first_id", UUID.class)),
                      new CustomerId(rs.getObject("second_id", UUID.class)));
              String reason = rs.getString("reason");
              pairs.computeIfAbsent(pair, k -> new LinkedHashSet<>()).add(reason(reason));
            });
  }

  /** The duplicate reason for a shared contact channel, or the reason a query names. */
  private static DuplicateReason reason(String channelOrReason) {
    return switch (channelOrReason) {
      case PHONE -> DuplicateReason.PHONE;
      case EMAIL -> DuplicateReason.EMAIL;
      case ID_NUMBER -> DuplicateReason.ID_NUMBER;
      default -> DuplicateReason.valueOf(channelOrReason);
    };
  }

  private static String bothInScope(DataScope scope, List<Object> params) {
    return switch (scope.level()) {
      case ALL -> "";
      case TEAM -> {
        params.add(scope.team().value());
        params.add(scope.team().value());
        yield " AND ca.team_id = ? AND cb.team_id = ?";
      }
      case OWN -> {
        params.add(scope.user().value());
        params.add(scope.user().value());
        yield " AND ca.owner_id = ? AND cb.owner_id = ?";
      }
    };
  }

  private Where filtered(CustomerFilter filter, DataScope scope) {
    Where where = new Where();
    where.scope(scope);
    query(where, filter.q());
    if (filter.stage() != null) {
      where.add("c.stage = ?", filter.stage().name());
    }
    if (filter.tag() != null && !filter.tag().isBlank()) {
      where.add(
          "c.id IN (SELECT t.customer_id FROM customer_tag t WHERE t.tag = ?)",
          filter.tag().strip());
    }
    if (filter.owner() != null) {
      where.add("c.owner_id = ?", filter.owner());
    }
    if (filter.team() != null) {
      where.add("c.team_id = ?", filter.team());
    }
    if (filter.city() != null && !filter.city().isBlank()) {
      where.add("c.city = ?", filter.city().strip());
    }
    if (filter.source() != null) {
      where.add("c.source = ?", filter.source().name());
    }
    if (filter.createdFrom() != null) {
      where.add("c.created_at >= ?", startOf(filter.createdFrom()));
    }
    if (filter.createdTo() != null) {
      where.add("c.created_at < ?", startOf(filter.createdTo().plusDays(1)));
    }
    if (filter.field() != null && filter.fieldValue() != null && !filter.fieldValue().isBlank()) {
      // several choices are stored joined by "|": match one of them, or the whole value
      where.add(
          "c.id IN (SELECT v.customer_id FROM customer_field_value v WHERE v.field_key = ? AND"
              + " ('|' || v.field_value || '|') LIKE ? ESCAPE '\\')",
          filter.field(),
          "%|" + escapeLike(filter.fieldValue().strip()) + "|%");
    }
    return where;
  }

  /**
   * Every customer the filter and scope select, oldest first, handed over in chunks so that an
   * export of a million customers never holds them all (keyset paging on creation time and ID).
   */
  void forEach(CustomerFilter filter, DataScope scope, int chunk, Consumer<List<Customer>> each) {
    inCreationOrder(
        () -> filtered(filter, scope),
        chunk,
        (where, params) ->
            load(
                jdbc.sql(
                        "SELECT "
                            + COLUMNS
                            + " FROM customer c"
                            + where
                            + " ORDER BY c.created_at, c.id LIMIT ?")
                    .params(params)),
        c -> c.createdAt(),
        c -> c.id().value(),
        each);
  }

  /**
   * Pages through customers oldest first by keyset (creation time, then ID) rather than offset, so
   * that the millionth row costs what the first does.
   *
   * @param conditions a fresh condition set per page (the keyset condition is added to it)
   * @param page reads one page: the conditions and their parameters with the page size last
   */
  private <T> void inCreationOrder(
      java.util.function.Supplier<Where> conditions,
      int chunk,
      java.util.function.BiFunction<Where, List<Object>, List<T>> page,
      java.util.function.Function<T, Instant> createdAt,
      java.util.function.Function<T, UUID> id,
      Consumer<List<T>> each) {
    Instant afterTime = null;
    UUID afterId = null;
    while (true) {
      Where where = conditions.get();
      if (afterTime != null) {
        where.add(
            "(c.created_at > ? OR (c.created_at = ? AND c.id > ?))",
            toDb(afterTime),
            toDb(afterTime),
            afterId);
      }
      List<Object> params = new ArrayList<>(where.params);
      params.add(chunk);
      List<T> rows = page.apply(where, params);
      if (rows.isEmpty()) {
        return;
      }
      each.accept(rows);
      T last = rows.get(rows.size() - 1);
      afterTime = createdAt.apply(last);
      afterId = id.apply(last);
      if (rows.size() < chunk) {
        return;
      }
    }
  }

  // --- the public pool

  boolean inPool(CustomerId id) {
    return jdbc.sql("SELECT in_pool FROM customer WHERE id = ?")
        .param(id.value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Takes a pool customer for an owner; false when it is not (or no longer) in the pool. */
  boolean claim(CustomerId id, UserId owner, @Nullable TeamId team, Instant now) {
    return jdbc.sql(
                "UPDATE customer SET in_pool = FALSE, owner_id = ?, team_id = ?,"
                    + " last_follow_up_at = ?, updated_at = ?, updated_by = ? WHERE id = ? AND"
                    + " in_pool = TRUE")
            .params(
                owner.value(),
                team == null ? null : team.value(),
                toDb(now),
                toDb(now),
                owner.value(),
                id.value())
            .update()
        == 1;
  }

  /** Puts customers into the pool and returns them as they were before (with their owners). */
  List<Customer> toPool(Collection<CustomerId> ids) {
    List<Customer> moved = findAll(ids).stream().toList();
    if (!moved.isEmpty()) {
      batch.batchUpdate(
          "UPDATE customer SET in_pool = TRUE WHERE id = ? AND in_pool = FALSE",
          moved.stream().map(c -> new Object[] {c.id().value()}).toList());
    }
    return moved;
  }

  /** Customers of a team (or of every team without its own rule) not followed up since a time. */
  List<CustomerId> idle(@Nullable TeamId team, List<TeamId> excluded, Instant since, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT id FROM customer WHERE in_pool = FALSE AND COALESCE(last_follow_up_at,"
                + " created_at) < ?");
    params.add(toDb(since));
    if (team != null) {
      sql.append(" AND team_id = ?");
      params.add(team.value());
    } else if (!excluded.isEmpty()) {
      sql.append(" AND (team_id IS NULL OR team_id NOT IN (")
          .append(marks(excluded.size()))
          .append("))");
      excluded.forEach(t -> params.add(t.value()));
    }
    sql.append(" ORDER BY id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
        .list();
  }

  void insertAssignments(List<CustomerId> customers, Assignment a) {
    batch.batchUpdate(
        "INSERT INTO customer_assignment (customer_id, from_owner, to_owner, reason, actor_id,"
            + " note, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        customers.stream()
            .map(
                c ->
                    new Object[] {
                      c.value(),
                      a.from() == null ? null : a.from().value(),
                      a.to() == null ? null : a.to().value(),
                      a.reason().name(),
                      a.by() == null ? null : a.by().value(),
                      a.note(),
                      toDb(a.at())
                    })
            .toList());
  }

  List<Assignment> assignments(CustomerId id) {
    return jdbc.sql(
            "SELECT from_owner, to_owner, reason, actor_id, note, changed_at FROM"
                + " customer_assignment WHERE customer_id = ? ORDER BY changed_at DESC, seq DESC")
        .param(id.value())
        .query(
            (rs, n) ->
                new Assignment(
                    userId(rs.getObject("from_owner", UUID.class)),
                    userId(rs.getObject("to_owner", UUID.class)),
                    AssignmentReason.valueOf(rs.getString("reason")),
                    userId(rs.getObject("actor_id", UUID.class)),
                    rs.getString("note"),
                    fromDb(rs.getObject("changed_at", OffsetDateTime.class))))
        .list();
  }

  long claimsSince(UserId user, Instant since) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM customer_assignment WHERE actor_id = ? AND reason = 'CLAIMED'"
                + " AND changed_at >= ?")
        .params(user.value(), toDb(since))
        .query(Long.class)
        .single();
  }

  List<PoolRule> poolRules() {
    return jdbc.sql("SELECT scope_key, return_after_days, claims_per_day FROM customer_pool_rule")
        .query(
            (rs, n) -> {
              String key = rs.getString("scope_key");
              int days = rs.getInt("return_after_days");
              Integer returnAfter = rs.wasNull() ? null : days;
              return new PoolRule(
                  "*".equals(key) ? null : new TeamId(UUID.fromString(key)),
                  returnAfter,
                  rs.getInt("claims_per_day"));
            })
        .list();
  }

  void savePoolRule(PoolRule rule) {
    String key = rule.team() == null ? "*" : rule.team().value().toString();
    int updated =
        jdbc.sql(
                "UPDATE customer_pool_rule SET return_after_days = ?, claims_per_day = ? WHERE"
                    + " scope_key = ?")
            .params(rule.returnAfterDays(), rule.claimsPerDay(), key)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO customer_pool_rule (scope_key, return_after_days, claims_per_day)"
                  + " VALUES (?, ?, ?)")
          .params(key, rule.returnAfterDays(), rule.claimsPerDay())
          .update();
    }
  }

  void deletePoolRule(TeamId team) {
    jdbc.sql("DELETE FROM customer_pool_rule WHERE scope_key = ?")
        .param(team.value().toString())
        .update();
  }

  /** Claims the sweep of a day; false when another instance (or an earlier run) has it. */
  boolean startPoolRun(LocalDate day, Instant now) {
    try {
      return jdbc.sql("INSERT INTO customer_pool_run (run_date, ran_at) VALUES (?, ?)")
              .params(Date.valueOf(day), toDb(now))
              .update()
          == 1;
    } catch (org.springframework.dao.DuplicateKeyException e) {
      return false;
    }
  }

  private static @Nullable UserId userId(@Nullable UUID id) {
    return id == null ? null : new UserId(id);
  }

  /**
   * Summaries of the customers a selection and scope select, oldest first, in chunks (keyset paging
   * on creation time and ID); no child tables are read.
   */
  void summaries(
      CustomerSelection selection,
      DataScope scope,
      int chunk,
      Consumer<List<CustomerSummary>> each) {
    inCreationOrder(
        () -> {
          Where where = new Where();
          where.scope(scope);
          if (!selection.stages().isEmpty()) {
            where.add(
                "c.stage IN (" + marks(selection.stages().size()) + ")",
                selection.stages().stream().map(Enum::name).sorted().toArray());
          }
          if (selection.city() != null) {
            where.add("c.city = ?", selection.city());
          }
          if (selection.ownerId() != null) {
            where.add("c.owner_id = ?", selection.ownerId());
          }
          if (selection.teamId() != null) {
            where.add("c.team_id = ?", selection.teamId());
          }
          if (selection.createdFrom() != null) {
            where.add("c.created_at >= ?", startOf(selection.createdFrom()));
          }
          if (selection.createdTo() != null) {
            where.add("c.created_at < ?", startOf(selection.createdTo().plusDays(1)));
          }
          return where;
        },
        chunk,
        (where, params) ->
            jdbc.sql(
                    "SELECT c.id, c.name, c.stage, c.city, c.owner_id, c.team_id, c.created_at FROM"
                        + " customer c"
                        + where
                        + " ORDER BY c.created_at, c.id LIMIT ?")
                .params(params)
                .query(
                    (rs, n) -> {
                      UUID team = rs.getObject("team_id", UUID.class);
                      return new CustomerSummary(
                          new CustomerId(rs.getObject("id", UUID.class)),
                          rs.getString("name"),
                          LifecycleStage.valueOf(rs.getString("stage")),
                          rs.getString("city"),
                          new UserId(rs.getObject("owner_id", UUID.class)),
                          team == null ? null : new TeamId(team),
                          fromDb(rs.getObject("created_at", OffsetDateTime.class)));
                    })
                .list(),
        CustomerSummary::createdAt,
        c -> c.id().value(),
        each);
  }

  /** Sets a channel's consent to "no" with its proof; nothing happens for an unknown customer. */
  void withdrawConsent(CustomerId id, ConsentChannel channel, String method, Instant at) {
    String how = method.length() > 32 ? method.substring(0, 32) : method;
    int updated =
        jdbc.sql(
                "UPDATE customer_consent SET granted = FALSE, recorded_at = ?, method = ?,"
                    + " notice_version = NULL WHERE customer_id = ? AND channel = ?")
            .params(toDb(at), how, id.value(), channel.name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO customer_consent (customer_id, channel, granted, recorded_at, method,"
                  + " notice_version) SELECT id, ?, FALSE, ?, ?, NULL FROM customer WHERE id = ?")
          .params(channel.name(), toDb(at), how, id.value())
          .update();
    }
  }

  /** Customers by ID, in no particular order, without scope. */
  List<Customer> findAll(Collection<CustomerId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return load(
        jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.id IN (" + marks(ids.size()) + ")")
            .params(ids.stream().map(id -> (Object) id.value()).toList()));
  }

  /** The distinct tags in use, most used first, for filter pickers. */
  List<String> tags(int limit) {
    return jdbc.sql("SELECT tag FROM customer_tag GROUP BY tag ORDER BY COUNT(*) DESC, tag LIMIT ?")
        .param(limit)
        .query(String.class)
        .list();
  }

  /** The distinct cities in use, for filter pickers. */
  List<String> cities(int limit) {
    return jdbc.sql(
            "SELECT city FROM customer WHERE city IS NOT NULL GROUP BY city ORDER BY city LIMIT ?")
        .param(limit)
        .query(String.class)
        .list();
  }

  // --- loading aggregates: one query for the rows, one per child table for the whole page

  private List<Customer> load(JdbcClient.StatementSpec statement) {
    List<Row> rows = statement.query(CustomerRepository::row).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Object> ids = rows.stream().map(r -> (Object) r.id).toList();
    String in = " WHERE customer_id IN (" + marks(ids.size()) + ")";
    Map<UUID, List<String>> phones = new HashMap<>();
    Map<UUID, List<String>> emails = new HashMap<>();
    Map<UUID, String> idNumbers = new HashMap<>();
    jdbc.sql(
            "SELECT customer_id, channel, cipher_text FROM customer_contact" + in + " ORDER BY seq")
        .params(ids)
        .query(
            rs -> {
              UUID id = rs.getObject("customer_id", UUID.class);
              String plain = cipher.decrypt(rs.getString("cipher_text"));
              switch (rs.getString("channel")) {
                case PHONE -> phones.computeIfAbsent(id, k -> new ArrayList<>()).add(plain);
                case EMAIL -> emails.computeIfAbsent(id, k -> new ArrayList<>()).add(plain);
                default -> idNumbers.put(id, plain);
              }
            });
    Map<UUID, List<ContactPerson>> people = new HashMap<>();
    jdbc.sql(
            "SELECT customer_id, name, title, role, phone_cipher, email_cipher FROM"
                + " customer_person"
                + in
                + " ORDER BY seq")
        .params(ids)
        .query(
            rs -> {
              String phone = rs.getString("phone_cipher");
              String email = rs.getString("email_cipher");
              people
                  .computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new ContactPerson(
                          rs.getString("name"),
                          rs.getString("title"),
                          rs.getString("role"),
                          phone == null ? null : cipher.decrypt(phone),
                          email == null ? null : cipher.decrypt(email)));
            });
    Map<UUID, Set<String>> tags = new HashMap<>();
    jdbc.sql("SELECT customer_id, tag FROM customer_tag" + in + " ORDER BY tag")
        .params(ids)
        .query(
            rs -> {
              tags.computeIfAbsent(
                      rs.getObject("customer_id", UUID.class), k -> new LinkedHashSet<>())
                  .add(rs.getString("tag"));
            });
    Map<UUID, Map<ConsentChannel, Consent>> consents = new HashMap<>();
    jdbc.sql(
            "SELECT customer_id, channel, granted, recorded_at, method, notice_version FROM"
                + " customer_consent"
                + in)
        .params(ids)
        .query(
            rs -> {
              ConsentChannel channel = ConsentChannel.valueOf(rs.getString("channel"));
              consents
                  .computeIfAbsent(
                      rs.getObject("customer_id", UUID.class),
                      k -> new EnumMap<>(ConsentChannel.class))
                  .put(
                      channel,
                      new Consent(
                          channel,
                          rs.getBoolean("granted"),
                          fromDb(rs.getObject("recorded_at", OffsetDateTime.class)),
                          rs.getString("method"),
                          rs.getString("notice_version")));
            });
    return rows.stream()
        .map(
            r ->
                new Customer(
                    new CustomerId(r.id),
                    new CustomerProfile(
                        r.kind,
                        r.name,
                        r.gender,
                        r.birthday,
                        r.lunarBirthday,
                        phones.getOrDefault(r.id, List.of()),
                        emails.getOrDefault(r.id, List.of()),
                        r.province,
                        r.city,
                        r.address,
                        r.source,
                        r.externalId,
                        tags.getOrDefault(r.id, Set.of()),
                        r.notes,
                        idNumbers.get(r.id),
                        people.getOrDefault(r.id, List.of())),
                    new UserId(r.owner),
                    r.team == null ? null : new TeamId(r.team),
                    r.stage,
                    consents.getOrDefault(r.id, Map.of()),
                    r.createdAt,
                    new UserId(r.createdBy),
                    r.updatedAt,
                    new UserId(r.updatedBy)))
        .toList();
  }

  /** A {@code customer} row before its children are attached. */
  private record Row(
      UUID id,
      CustomerKind kind,
      String name,
      Gender gender,
      @Nullable LocalDate birthday,
      boolean lunarBirthday,
      @Nullable String province,
      @Nullable String city,
      @Nullable String address,
      @Nullable SourceChannel source,
      @Nullable String externalId,
      UUID owner,
      @Nullable UUID team,
      LifecycleStage stage,
      @Nullable String notes,
      java.time.Instant createdAt,
      UUID createdBy,
      java.time.Instant updatedAt,
      UUID updatedBy) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    Date birthday = rs.getDate("birthday");
    String source = rs.getString("source");
    return new Row(
        rs.getObject("id", UUID.class),
        CustomerKind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        Gender.valueOf(rs.getString("gender")),
        birthday == null ? null : birthday.toLocalDate(),
        rs.getBoolean("lunar_birthday"),
        rs.getString("province"),
        rs.getString("city"),
        rs.getString("address"),
        source == null ? null : SourceChannel.valueOf(source),
        rs.getString("external_id"),
        rs.getObject("owner_id", UUID.class),
        rs.getObject("team_id", UUID.class),
        LifecycleStage.valueOf(rs.getString("stage")),
        rs.getString("notes"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        rs.getObject("created_by", UUID.class),
        fromDb(rs.getObject("updated_at", OffsetDateTime.class)),
        rs.getObject("updated_by", UUID.class));
  }

  /** A WHERE clause built from conditions with their parameters. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<String> countConditions = new ArrayList<>();
    final List<Object> params = new ArrayList<>();

    void add(String condition, Object... values) {
      addEither(condition, condition, values);
    }

    /**
     * A condition that the page and the count write differently, for their different plans: the
     * page walks the sort order and stops after a page, the count collects matches (same values).
     */
    void addEither(String forPage, String forCount, Object... values) {
      conditions.add(forPage);
      countConditions.add(forCount);
      Collections.addAll(params, values);
    }

    String forCount() {
      return countConditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", countConditions);
    }

    void scope(DataScope scope) {
      switch (scope.level()) {
        case ALL -> {}
        case TEAM -> add("c.team_id = ?", scope.team().value());
        case OWN -> add("c.owner_id = ?", scope.user().value());
      }
    }

    /** The scope of reading one customer: public pool customers are open to everyone. */
    void scopeWithPool(DataScope scope) {
      switch (scope.level()) {
        case ALL -> {}
        case TEAM -> add("(c.team_id = ? OR c.in_pool = TRUE)", scope.team().value());
        case OWN -> add("(c.owner_id = ? OR c.in_pool = TRUE)", scope.user().value());
      }
    }

    @Override
    public String toString() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
