package org.manyi.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.ContactPoint;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerContacts;
import org.manyi.customers.CustomerFollowUps;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerIntake;
import org.manyi.customers.CustomerSelection;
import org.manyi.customers.CustomerStages;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.NewCustomer;
import org.manyi.customers.ScopeCondition;
import org.manyi.customers.StageChange;
import org.manyi.customers.events.CustomerRegistered;
import org.manyi.customers.events.CustomerStageChanged;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do to customers beyond plain reads: check the user's data scope, reach
 * customers through a channel, register buyers they meet first, move their lifecycle stage and
 * report follow-up contact.
 */
@Service
@Transactional
class CustomerDirectory
    implements CustomerContacts, CustomerIntake, CustomerStages, CustomerFollowUps, CustomerAccess {

  private final CustomerRepository customers;
  private final Users users;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  CustomerDirectory(CustomerRepository customers, Users users, ApplicationEventPublisher events) {
    this.customers = customers;
    this.users = users;
    this.events = events;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ContactPoint> contact(CustomerId id, ConsentChannel channel) {
    return customers
        .find(id)
        .map(
            c ->
                new ContactPoint(
                    id,
                    c.profile().name(),
                    channel,
                    switch (channel) {
                      case EMAIL -> c.profile().primaryEmail();
                      case SMS, PHONE -> c.profile().primaryPhone();
                      case WECHAT -> null;
                    },
                    c.consents(channel)));
  }

  @Override
  public CustomerId register(NewCustomer data, UserId by) {
    UserSummary owner =
        users
            .find(by)
            .orElseThrow(() -> ProblemException.invalid("ownerId", "customer.owner.unknown"));
    CustomerProfile profile =
        new CustomerProfile(
            CustomerKind.PERSON,
            data.name(),
            Gender.UNKNOWN,
            null,
            false,
            data.phone() == null ? List.of() : List.of(data.phone()),
            data.email() == null ? List.of() : List.of(data.email()),
            null,
            null,
            null,
            source(data.source()),
            data.externalId(),
            Set.of(),
            null,
            null,
            List.of());
    Instant now = clock.instant();
    @Nullable TeamId team = owner.teamId();
    Customer customer = Customer.register(CustomerId.random(), profile, owner.id(), team, by, now);
    customers.insert(customer);
    events.publishEvent(new CustomerRegistered(customer.id(), owner.id(), team, by, now));
    return customer.id();
  }

  private static @Nullable SourceChannel source(@Nullable String name) {
    if (name == null) {
      return null;
    }
    return Arrays.stream(SourceChannel.values())
        .filter(s -> s.name().equalsIgnoreCase(name.strip()))
        .findFirst()
        .orElse(null);
  }

  @Override
  public boolean move(CustomerId id, LifecycleStage to, String reason, Instant at) {
    Optional<Customer> found = customers.find(id);
    if (found.isEmpty() || found.get().stage() == to) {
      return false;
    }
    LifecycleStage from = found.get().stage();
    if (!customers.updateStage(id, from, to)) {
      return false; // changed concurrently; the other writer recorded its own move
    }
    StageChange change = new StageChange(id, from, to, reason, at);
    customers.insertStageChange(change);
    events.publishEvent(new CustomerStageChanged(id, from, to, reason, at));
    return true;
  }

  @Override
  @Transactional(readOnly = true)
  public List<StageChange> history(CustomerId id) {
    return customers.stageChanges(id);
  }

  @Override
  public void followedUp(CustomerId id, Instant at) {
    customers.followedUp(id, at);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean canRead(CurrentUser user, CustomerId id) {
    return customers.find(id, DataScope.of(user)).isPresent();
  }

  @Override
  public ScopeCondition condition(CurrentUser user, String customerIdColumn) {
    DataScope scope = DataScope.of(user);
    return switch (scope.level()) {
      case ALL -> new ScopeCondition("1=1", List.of());
      case TEAM ->
          new ScopeCondition(
              customerIdColumn + " IN (SELECT id FROM customer WHERE team_id = ?)",
              List.of(scope.team().value()));
      case OWN ->
          new ScopeCondition(
              customerIdColumn + " IN (SELECT id FROM customer WHERE owner_id = ?)",
              List.of(scope.user().value()));
    };
  }

  @Override
  @Transactional(readOnly = true)
  public void select(
      CurrentUser user,
      CustomerSelection selection,
      int chunk,
      Consumer<List<CustomerSummary>> each) {
    customers.summaries(selection, DataScope.of(user), Math.max(1, Math.min(chunk, 10_000)), each);
  }

  @Override
  public void withdraw(CustomerId id, ConsentChannel channel, String method) {
    customers.withdrawConsent(id, channel, method, clock.instant());
  }
}
