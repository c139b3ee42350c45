package org.manyi.tasks.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskType;

/**
 * A task to create.
 *
 * @param notes what to do or talk about
 * @param sourceOrderId the order a post-purchase callback is about; one task per order
 */
public record NewTask(
    CustomerId customer,
    TaskType type,
    UserId assignee,
    Instant dueAt,
    TaskPriority priority,
    @Nullable String notes,
    @Nullable UUID sourceOrderId) {}
