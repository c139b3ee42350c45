package org.manyi.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.customers.events.CustomerDeleted;
import org.manyi.customers.events.CustomerMerged;
import org.manyi.customers.events.CustomerRegistered;
import org.manyi.customers.events.CustomerUpdated;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, changing, finding and deleting customers within the user's {@link DataScope};
 * publishes the customer events in the same transaction and keeps the audit trail.
 */
@Service
@Transactional
public class CustomerManagement implements Customers {

  private final CustomerRepository customers;
  private final CustomerAuditTrail audit;
  private final Users users;
  private final ApplicationEventPublisher events;
  private final CustomFields customFields;
  private final Clock clock = Clock.systemUTC();

  CustomerManagement(
      CustomerRepository customers,
      CustomerAuditTrail audit,
      Users users,
      ApplicationEventPublisher events,
      CustomFields customFields) {
    this.customFields = customFields;
    this.customers = customers;
    this.audit = audit;
    this.users = users;
    this.events = events;
  }

  /**
   * Adds a customer owned by {@code edit.ownerId()} (the user by default).
   *
   * @param allowDuplicate false to refuse a likely duplicate with a 409 listing the candidates
   */
  public Customer register(CustomerEdit edit, boolean allowDuplicate, CurrentUser me) {
    CustomerProfile profile = edit.applyTo(null);
    Map<String, String> custom = custom(edit);
    DataScope scope = DataScope.of(me);
    UserSummary owner = owner(edit.ownerId() == null ? me.id().value() : edit.ownerId(), scope);
    if (!allowDuplicate) {
      List<DuplicateCandidate> candidates = duplicates(profile, null, me);
      if (!candidates.isEmpty()) {
        throw ProblemException.conflict("duplicate-customer", "customer.duplicate")
            .with("candidates", candidates);
      }
    }
    Instant now = clock.instant();
    Customer customer =
        Customer.register(CustomerId.random(), profile, owner.id(), owner.teamId(), me.id(), now);
    if (edit.stage() != null) {
      customer.moveTo(edit.stage(), me.id(), now);
    }
    recordConsents(customer, edit.consents(), me, now);
    customers.insert(customer);
    customFields.save(customer.id(), custom);
    audit.record(customer.id(), me, AuditAction.CREATED, null, now);
    events.publishEvent(
        new CustomerRegistered(customer.id(), owner.id(), owner.teamId(), me.id(), now));
    return customer;
  }

  /** Applies changes to a customer within the user's scope. */
  public Customer change(CustomerId id, CustomerEdit edit, CurrentUser me) {
    DataScope scope = DataScope.of(me);
    Map<String, String> custom = custom(edit);
    Customer customer = get(id, me);
    Instant now = clock.instant();
    CustomerProfile before = customer.profile();
    CustomerProfile after = edit.applyTo(before);
    List<String> changed = changedFields(before, after);
    if (!changed.isEmpty()) {
      customer.revise(after, me.id(), now);
    }
    if (edit.ownerId() != null && !edit.ownerId().equals(customer.ownerId().value())) {
      UserSummary owner = owner(edit.ownerId(), scope);
      customers.insertAssignments(
          List.of(id),
          new Assignment(
              customer.ownerId(), owner.id(), AssignmentReason.REASSIGNED, me.id(), null, now));
      customer.assignTo(owner.id(), owner.teamId(), me.id(), now);
      changed.add("ownerId");
    }
    if (edit.stage() != null && edit.stage() != customer.stage()) {
      customer.moveTo(edit.stage(), me.id(), now);
      changed.add("stage");
    }
    if (recordConsents(customer, edit.consents(), me, now)) {
      changed.add("consents");
    }
    if (customFields.save(customer.id(), custom)) {
      changed.add("customFields");
    }
    if (changed.isEmpty()) {
      return customer;
    }
    customers.update(customer);
    audit.record(customer.id(), me, AuditAction.UPDATED, String.join(",", changed), now);
    events.publishEvent(
        new CustomerUpdated(customer.id(), customer.ownerId(), customer.teamId(), me.id(), now));
    return customer;
  }

  public void delete(CustomerId id, CurrentUser me) {
    Customer customer = get(id, me);
    Instant now = clock.instant();
    customers.delete(customer.id());
    audit.record(customer.id(), me, AuditAction.DELETED, customer.profile().name(), now);
    events.publishEvent(new CustomerDeleted(customer.id(), me.id(), now));
  }

  /**
   * Merges {@code source} into {@code survivor}: the survivor takes the chosen fields and every
   * contact, tag and consent of the source; the source is deleted; every module moves what refers
   * to it on {@link CustomerMerged}. Both must lie within the user's scope.
   */
  public Customer merge(
      CustomerId survivorId, CustomerId sourceId, MergeChoice choice, CurrentUser me) {
    if (survivorId.equals(sourceId)) {
      throw ProblemException.invalid("sourceId", "customer.merge.self");
    }
    Customer survivor = get(survivorId, me);
    Customer source =
        customers
            .find(sourceId, DataScope.of(me))
            .orElseThrow(
                () -> ProblemException.invalid("sourceId", "customer.merge.sourceNotFound"));
    Instant now = clock.instant();
    survivor.absorb(source, choice.merge(survivor.profile(), source.profile()), me.id(), now);
    customers.delete(source.id());
    customers.update(survivor);
    audit.record(
        survivor.id(),
        me,
        AuditAction.MERGED,
        source.profile().name() + " (" + source.id() + ")",
        now);
    audit.record(
        source.id(),
        me,
        AuditAction.MERGED,
        "→ " + survivor.profile().name() + " (" + survivor.id() + ")",
        now);
    events.publishEvent(new CustomerMerged(survivor.id(), source.id(), me.id(), now));
    return survivor;
  }

  /**
   * The customer with its contacts for showing unmasked, and an audit entry saying so. Callers
   * check the reveal permission.
   */
  public Customer reveal(CustomerId id, CurrentUser me) {
    Customer customer = get(id, me);
    List<String> fields = new ArrayList<>();
    if (!customer.profile().phones().isEmpty()) {
      fields.add("phone");
    }
    if (!customer.profile().emails().isEmpty()) {
      fields.add("email");
    }
    if (customer.profile().idNumber() != null) {
      fields.add("idNumber");
    }
    audit.record(
        customer.id(), me, AuditAction.REVEALED, String.join(",", fields), clock.instant());
    return customer;
  }

  /**
   * A customer within the user's scope.
   *
   * @throws ProblemException 404 when it does not exist or lies outside the scope
   */
  @Transactional(readOnly = true)
  public Customer get(CustomerId id, CurrentUser me) {
    return customers
        .find(id, DataScope.of(me))
        .orElseThrow(() -> ProblemException.notFound("customer.notFound"));
  }

  @Transactional(readOnly = true)
  public PageResult<Customer> search(
      CustomerFilter filter, CustomerSort sort, boolean desc, PageRequest page, CurrentUser me) {
    if (filter.createdFrom() != null
        && filter.createdTo() != null
        && filter.createdTo().isBefore(filter.createdFrom())) {
      throw ProblemException.invalid("createdTo", "customer.created.range");
    }
    return customers.search(filter, DataScope.of(me), sort, desc, page);
  }

  /** Likely duplicates of a profile; {@code except} leaves out the customer being edited. */
  @Transactional(readOnly = true)
  public List<DuplicateCandidate> duplicates(
      CustomerProfile profile, @Nullable CustomerId except, CurrentUser me) {
    Map<CustomerId, Set<DuplicateReason>> found = customers.duplicates(profile, except);
    if (found.isEmpty()) {
      return List.of();
    }
    DataScope scope = DataScope.of(me);
    Map<CustomerId, Customer> byId =
        customers.findAll(found.keySet()).stream()
            .collect(Collectors.toMap(Customer::id, Function.identity()));
    List<DuplicateCandidate> result = new ArrayList<>();
    found.forEach(
        (id, reasons) -> {
          Customer c = byId.get(id);
          if (c != null && scope.covers(c.ownerId(), c.teamId())) {
            result.add(new DuplicateCandidate(id.value(), c.profile().name(), reasons));
          } else if (c != null) {
            result.add(new DuplicateCandidate(null, null, reasons));
          }
        });
    return result;
  }

  /** A pair of records that look like one customer, for data stewards to merge. */
  public record SuspectedDuplicate(Customer first, Customer second, Set<DuplicateReason> reasons) {}

  /** Pairs of likely duplicates within the user's scope, at most {@code limit} per reason. */
  @Transactional(readOnly = true)
  public List<SuspectedDuplicate> suspectedDuplicates(int limit, CurrentUser me) {
    Map<List<CustomerId>, Set<DuplicateReason>> pairs =
        customers.suspectedDuplicates(DataScope.of(me), limit);
    Map<CustomerId, Customer> byId =
        customers
            .findAll(pairs.keySet().stream().flatMap(List::stream).collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(Customer::id, Function.identity()));
    List<SuspectedDuplicate> result = new ArrayList<>();
    pairs.forEach(
        (pair, reasons) -> {
          Customer first = byId.get(pair.get(0));
          Customer second = byId.get(pair.get(1));
          if (first != null && second != null) {
            result.add(new SuspectedDuplicate(first, second, reasons));
          }
        });
    return result;
  }

  /** Users the given user may make owner of a customer, for the owner picker. */
  @Transactional(readOnly = true)
  public List<UserSummary> assignableOwners(CurrentUser me) {
    DataScope scope = DataScope.of(me);
    return switch (scope.level()) {
      case ALL -> users.enabled();
      case TEAM -> users.members(scope.team());
      case OWN -> users.find(me.id()).map(List::of).orElse(List.of());
    };
  }

  /** Teams that have enabled members, by name, for pickers and the pool rules. */
  @Transactional(readOnly = true)
  public Map<TeamId, String> teams() {
    Map<TeamId, String> teams = new java.util.TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    for (UserSummary user : users.enabled()) {
      if (user.teamId() != null && user.teamName() != null) {
        teams.put(user.teamId(), user.teamName());
      }
    }
    Map<TeamId, String> byName = new java.util.LinkedHashMap<>();
    teams.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> byName.put(e.getKey(), e.getValue()));
    return byName;
  }

  @Transactional(readOnly = true)
  public List<String> knownTags() {
    return customers.tags(50);
  }

  @Transactional(readOnly = true)
  public List<String> knownCities() {
    return customers.cities(200);
  }

  @Transactional(readOnly = true)
  public PageResult<AuditEntry> auditTrail(@Nullable AuditAction action, PageRequest page) {
    return audit.list(action, null, page);
  }

  /** Display names of users, for showing owners; unknown IDs are left out. */
  @Transactional(readOnly = true)
  public Map<UserId, String> userNames(Set<UserId> ids) {
    Map<UserId, String> names = new java.util.HashMap<>();
    for (UserId id : ids) {
      users.find(id).ifPresent(u -> names.put(id, u.displayName()));
    }
    return names;
  }

  /** Adds customers in bulk without events or duplicate checks (demo data). */
  void registerAll(List<Customer> batch) {
    customers.insertAll(batch);
  }

  /** The edit's custom field values, checked before anything is written. */
  private Map<String, String> custom(CustomerEdit edit) {
    return edit.customFields() == null ? Map.of() : customFields.normalise(edit.customFields());
  }

  private UserSummary owner(UUID requested, DataScope scope) {
    UserSummary owner =
        users
            .find(new UserId(requested))
            .filter(UserSummary::enabled)
            .orElseThrow(() -> ProblemException.invalid("ownerId", "customer.owner.unknown"));
    // the owner must be someone whose customers the user may see
    if (!scope.covers(owner.id(), owner.teamId())) {
      throw ProblemException.invalid("ownerId", "customer.owner.notAllowed");
    }
    return owner;
  }

  private boolean recordConsents(
      Customer customer, @Nullable List<ConsentInput> consents, CurrentUser me, Instant now) {
    if (consents == null) {
      return false;
    }
    List<Consent> before = customer.consentList();
    for (ConsentInput consent : consents) {
      if (consent == null || consent.channel() == null) {
        throw ProblemException.invalid("consents", "customer.consent.channel");
      }
      customer.recordConsent(
          consent.channel(),
          consent.granted(),
          consent.method(),
          consent.noticeVersion(),
          me.id(),
          now);
    }
    return !customer.consentList().equals(before);
  }

  /**
   * The names of the profile's fields that differ, for the audit trail; read from the record's
   * components so a field added to the profile is audited without touching this.
   */
  private static List<String> changedFields(CustomerProfile a, CustomerProfile b) {
    List<String> changed = new ArrayList<>();
    var components = CustomerProfile.class.getRecordComponents();
    for (var component : components) {
      try {
        Object x = component.getAccessor().invoke(a);
        Object y = component.getAccessor().invoke(b);
        if (!java.util.Objects.equals(
            x instanceof Set<?> s ? Set.copyOf(s) : x, y instanceof Set<?> t ? Set.copyOf(t) : y)) {
          changed.add(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return changed;
  }

  // --- Customers, the read interface of other modules

  @Override
  @Transactional(readOnly = true)
  public Optional<CustomerSummary> find(CustomerId id) {
    return customers.find(id).map(CustomerManagement::summary);
  }

  @Override
  @Transactional(readOnly = true)
  public long count() {
    return customers.count();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<org.manyi.customers.LifecycleStage, Long> countByStage() {
    return customers.countByStage();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Long> countByCity() {
    return customers.countByCity();
  }

  @Override
  @Transactional(readOnly = true)
  public List<CustomerSummary> list(int offset, int limit) {
    return customers.list(Math.max(0, offset), Math.max(0, Math.min(limit, 1000))).stream()
        .map(CustomerManagement::summary)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, CustomerId> findByExternalIds(Collection<String> externalIds) {
    return customers.idsByExternalId(externalIds);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, CustomerId> findByPhones(Collection<String> phones) {
    return customers.idsByPhone(phones);
  }

  @Override
  public List<CustomerId> findByName(String term, int limit) {
    return customers.idsByName(term, limit);
  }

  static CustomerSummary summary(Customer c) {
    return new CustomerSummary(
        c.id(),
        c.profile().name(),
        c.stage(),
        c.profile().city(),
        c.ownerId(),
        c.teamId(),
        c.createdAt());
  }
}
