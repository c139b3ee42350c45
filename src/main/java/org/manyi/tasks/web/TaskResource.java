package org.manyi.tasks.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskStatus;
import org.manyi.tasks.TaskType;
import org.manyi.tasks.internal.Task;
import org.manyi.tasks.internal.TaskView;

/**
 * A task as the JSON API shows it.
 *
 * @param interactionId the interaction logged when a callback was completed
 * @param sourceOrderId the order a post-purchase callback is about
 */
record TaskResource(
    UUID id,
    UUID customerId,
    String customerName,
    TaskType type,
    UUID assigneeId,
    String assigneeName,
    Instant dueAt,
    TaskPriority priority,
    TaskStatus status,
    boolean overdue,
    @Nullable String notes,
    @Nullable String resultNote,
    @Nullable String cancelReason,
    @Nullable UUID createdBy,
    Instant createdAt,
    @Nullable Instant closedAt,
    @Nullable UUID interactionId,
    @Nullable UUID sourceOrderId) {

  static TaskResource of(TaskView view, Instant now) {
    Task t = view.task();
    return new TaskResource(
        t.id().value(),
        t.customer().value(),
        view.customerName(),
        t.type(),
        t.assignee().value(),
        view.assigneeName(),
        t.dueAt(),
        t.priority(),
        t.status(),
        t.isOverdue(now),
        t.notes(),
        t.resultNote(),
        t.cancelReason(),
        t.createdBy() == null ? null : t.createdBy().value(),
        t.createdAt(),
        t.closedAt(),
        t.interaction(),
        t.sourceOrderId());
  }
}
