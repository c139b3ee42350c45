package org.manyi.tasks.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.identity.CurrentUser;
import org.manyi.tasks.TaskId;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post-purchase callback rule and its settings. The orders module's order event is wired to
 * {@link #createPostPurchaseCallback} when the modules are merged; it may arrive more than once.
 */
@Service
public class PostPurchaseCallbacks {

  private final TaskRepository repository;
  private final Customers customers;
  private final Clock clock = Clock.systemUTC();

  PostPurchaseCallbacks(TaskRepository repository, Customers customers) {
    this.repository = repository;
    this.customers = customers;
  }

  @Transactional(readOnly = true)
  public PostPurchaseRule rule() {
    return repository.rule();
  }

  /** Changes the rule (admins; the caller checks the role). */
  @Transactional
  public PostPurchaseRule change(PostPurchaseRule rule, CurrentUser me) {
    repository.saveRule(rule, me.id(), clock.instant());
    return rule;
  }

  /**
   * Creates the callback task for an order when the rule applies: enabled, and the amount at or
   * above the threshold. The task goes to the customer's owner, due the configured number of days
   * after the order. Idempotent per order: a second call for the same order answers the task of the
   * first.
   *
   * @return the callback task, or empty when the rule does not apply or the customer is unknown or
   *     has no owner
   */
  @Transactional
  public Optional<TaskId> createPostPurchaseCallback(
      CustomerId customer, UUID orderId, BigDecimal amount, Instant orderedAt) {
    Optional<Task> existing = repository.findBySourceOrder(orderId);
    if (existing.isPresent()) {
      return existing.map(Task::id);
    }
    PostPurchaseRule rule = repository.rule();
    if (!rule.appliesTo(amount)) {
      return Optional.empty();
    }
    Optional<CustomerSummary> summary = customers.find(customer);
    if (summary.isEmpty() || summary.get().ownerId() == null) {
      return Optional.empty();
    }
    Task task =
        Task.open(
            new NewTask(
                customer,
                TaskType.CALLBACK,
                summary.get().ownerId(),
                orderedAt.plus(Duration.ofDays(rule.delayDays())),
                TaskPriority.NORMAL,
                null,
                orderId),
            null,
            clock.instant());
    repository.insert(task);
    return Optional.of(task.id());
  }
}
