package org.manyi.tasks.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.tasks.TaskStatus;

/**
 * What a task list asks for.
 *
 * @param assignees whose tasks; null for everyone's (admins)
 * @param status only tasks in this status; a due window other than {@link Due#ALL} implies open
 */
public record TaskQuery(
    @Nullable Set<UserId> assignees,
    Due due,
    @Nullable TaskStatus status,
    @Nullable CustomerId customer) {}
