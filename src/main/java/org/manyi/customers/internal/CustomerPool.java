package org.manyi.customers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.events.CustomerUpdated;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.TeamId;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public pool (公海): customers nobody has followed up for a team's number of days return to it
 * once a day; owners may release customers to it; any user may claim pool customers up to a daily
 * limit. Every change of owner is kept in the assignment history.
 */
@Service
public class CustomerPool {

  private static final Logger log = LoggerFactory.getLogger(CustomerPool.class);
  private static final int SWEEP_BATCH = 1000;

  private final CustomerRepository customers;
  private final CustomerAuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();
  private final ZoneId zone = ZoneId.systemDefault();

  CustomerPool(
      CustomerRepository customers,
      CustomerAuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.customers = customers;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
  }

  /** What the pool page shows besides the customers: how many more the user may claim today. */
  public record Allowance(long claimedToday, int limit) {
    public long left() {
      return Math.max(0, limit - claimedToday);
    }
  }

  @Transactional(readOnly = true)
  public PageResult<Customer> list(
      CustomerFilter filter, CustomerSort sort, boolean desc, PageRequest page, CurrentUser me) {
    return customers.pool(filter, me.id(), sort, desc, page);
  }

  @Transactional(readOnly = true)
  public boolean inPool(CustomerId id) {
    return customers.inPool(id);
  }

  @Transactional(readOnly = true)
  public Allowance allowance(CurrentUser me) {
    return new Allowance(
        customers.claimsSince(me.id(), startOfToday()), rule(me.teamId()).claimsPerDay());
  }

  /**
   * Makes the user the owner of a pool customer.
   *
   * @throws ProblemException 404 when the customer does not exist, 409 {@code not-in-pool} when it
   *     is not (or no longer) in the pool, 409 {@code claim-limit} when the user has claimed their
   *     daily number already
   */
  @Transactional
  public void claim(CustomerId id, CurrentUser me) {
    // pool customers are in everyone's scope; others' customers stay invisible (404)
    Customer customer =
        customers
            .find(id, DataScope.of(me))
            .orElseThrow(() -> ProblemException.notFound("customer.notFound"));
    Allowance allowance = allowance(me);
    if (allowance.left() == 0) {
      throw ProblemException.conflict(
          "claim-limit", "customer.pool.limitReached", allowance.limit());
    }
    Instant now = clock.instant();
    if (!customers.claim(id, me.id(), me.teamId(), now)) {
      throw ProblemException.conflict("not-in-pool", "customer.pool.notInPool");
    }
    customers.insertAssignments(
        List.of(id),
        new Assignment(customer.ownerId(), me.id(), AssignmentReason.CLAIMED, me.id(), null, now));
    audit.record(id, me, AuditAction.UPDATED, "ownerId", now);
    events.publishEvent(new CustomerUpdated(id, me.id(), me.teamId(), me.id(), now));
  }

  /**
   * Gives a customer within the user's scope back to the pool.
   *
   * @throws ProblemException 404 outside the scope, 409 {@code in-pool} when it is there already
   */
  @Transactional
  public void release(CustomerId id, @Nullable String note, CurrentUser me) {
    Customer customer =
        customers
            .find(id, DataScope.of(me))
            .orElseThrow(() -> ProblemException.notFound("customer.notFound"));
    if (customers.inPool(id)) {
      throw ProblemException.conflict("in-pool", "customer.pool.alreadyInPool");
    }
    String reason = note == null || note.isBlank() ? null : note.strip();
    if (reason != null && reason.length() > 255) {
      throw ProblemException.invalid("note", "customer.field.tooLong", 255);
    }
    Instant now = clock.instant();
    customers.toPool(List.of(id));
    customers.insertAssignments(
        List.of(id),
        new Assignment(customer.ownerId(), null, AssignmentReason.RELEASED, me.id(), reason, now));
    audit.record(id, me, AuditAction.UPDATED, "pool", now);
  }

  @Transactional(readOnly = true)
  public List<Assignment> history(CustomerId id) {
    return customers.assignments(id);
  }

  @Transactional(readOnly = true)
  public List<PoolRule> rules() {
    return customers.poolRules();
  }

  /** The rule of a team: its own, or the default. */
  @Transactional(readOnly = true)
  public PoolRule rule(@Nullable TeamId team) {
    Map<@Nullable TeamId, PoolRule> rules =
        customers.poolRules().stream()
            .collect(Collectors.toMap(PoolRule::team, Function.identity()));
    PoolRule own = team == null ? null : rules.get(team);
    return own != null ? own : rules.get(null);
  }

  @Transactional
  public void save(PoolRule rule) {
    customers.savePoolRule(rule);
  }

  /** Drops a team's own rule, so the default applies to it again. */
  @Transactional
  public void reset(TeamId team) {
    customers.deletePoolRule(team);
  }

  /** The daily sweep; on several instances only the first of the day does the work. */
  @Scheduled(cron = "${manyi.pool.sweep-cron:0 15 2 * * *}")
  void daily() {
    Instant now = clock.instant();
    Boolean mine =
        transactions.execute(tx -> customers.startPoolRun(LocalDate.ofInstant(now, zone), now));
    if (Boolean.TRUE.equals(mine)) {
      int moved = returnIdle(now);
      log.info("Public pool: {} customers without follow-up returned to the pool", moved);
    }
  }

  /**
   * Returns every customer not followed up within its team's number of days to the pool, in
   * batches; safe to run again (customers already in the pool are not touched).
   *
   * @return how many customers went to the pool
   */
  public int returnIdle(Instant now) {
    List<PoolRule> rules = customers.poolRules();
    List<TeamId> withOwnRule = rules.stream().map(PoolRule::team).filter(t -> t != null).toList();
    int moved = 0;
    for (PoolRule rule : rules) {
      if (rule.returnAfterDays() == null) {
        continue;
      }
      Instant since = now.minus(Duration.ofDays(rule.returnAfterDays()));
      while (true) {
        List<CustomerId> idle = customers.idle(rule.team(), withOwnRule, since, SWEEP_BATCH);
        if (idle.isEmpty()) {
          break;
        }
        moved +=
            transactions.execute(
                tx -> {
                  List<Customer> before = customers.toPool(idle);
                  for (Customer c : before) {
                    customers.insertAssignments(
                        List.of(c.id()),
                        new Assignment(
                            c.ownerId(),
                            null,
                            AssignmentReason.RETURNED,
                            null,
                            "no-follow-up-" + rule.returnAfterDays() + "d",
                            now));
                  }
                  return before.size();
                });
      }
    }
    return moved;
  }

  private Instant startOfToday() {
    return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
  }
}
