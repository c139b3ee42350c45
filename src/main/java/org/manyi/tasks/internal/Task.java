package org.manyi.tasks.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;
import org.manyi.tasks.TaskId;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskStatus;
import org.manyi.tasks.TaskType;

/**
 * A follow-up task. It changes only through its named transitions, which refuse to change a task
 * that is no longer open: {@link #complete}, {@link #cancel} and {@link #reassign}.
 */
public final class Task {

  static final int NOTES_MAX = 2000;
  static final int REASON_MAX = 500;

  private final TaskId id;
  private CustomerId customer;
  private final TaskType type;
  private UserId assignee;
  private final Instant dueAt;
  private final TaskPriority priority;
  private TaskStatus status;
  private final @Nullable String notes;
  private @Nullable String resultNote;
  private @Nullable String cancelReason;
  private final @Nullable UserId createdBy;
  private final Instant createdAt;
  private @Nullable UserId closedBy;
  private @Nullable Instant closedAt;
  private @Nullable UUID interaction;
  private final @Nullable UUID sourceOrderId;
  private final int version;

  Task(
      TaskId id,
      CustomerId customer,
      TaskType type,
      UserId assignee,
      Instant dueAt,
      TaskPriority priority,
      TaskStatus status,
      @Nullable String notes,
      @Nullable String resultNote,
      @Nullable String cancelReason,
      @Nullable UserId createdBy,
      Instant createdAt,
      @Nullable UserId closedBy,
      @Nullable Instant closedAt,
      @Nullable UUID interaction,
      @Nullable UUID sourceOrderId,
      int version) {
    this.id = id;
    this.customer = customer;
    this.type = type;
    this.assignee = assignee;
    this.dueAt = dueAt;
    this.priority = priority;
    this.status = status;
    this.notes = notes;
    this.resultNote = resultNote;
    this.cancelReason = cancelReason;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.closedBy = closedBy;
    this.closedAt = closedAt;
    this.interaction = interaction;
    this.sourceOrderId = sourceOrderId;
    this.version = version;
  }

  /**
   * A new open task.
   *
   * @param createdBy null when a rule created it
   * @throws ProblemException 400 naming the field that breaks a rule
   */
  public static Task open(NewTask input, @Nullable UserId createdBy, Instant now) {
    String notes = trim(input.notes());
    if (notes != null && notes.length() > NOTES_MAX) {
      throw ProblemException.invalid("notes", "task.notes.tooLong", NOTES_MAX);
    }
    return new Task(
        TaskId.random(),
        input.customer(),
        input.type(),
        input.assignee(),
        input.dueAt(),
        input.priority(),
        TaskStatus.OPEN,
        notes,
        null,
        null,
        createdBy,
        now,
        null,
        null,
        null,
        input.sourceOrderId(),
        0);
  }

  /**
   * Marks the task done with what came of it.
   *
   * @throws ProblemException 409 when the task is not open, 400 without a result note
   */
  public void complete(@Nullable String note, UserId by, Instant at) {
    requireOpen();
    String result = trim(note);
    if (result == null) {
      throw ProblemException.invalid("resultNote", "task.resultNote.required");
    }
    if (result.length() > NOTES_MAX) {
      throw ProblemException.invalid("resultNote", "task.notes.tooLong", NOTES_MAX);
    }
    status = TaskStatus.DONE;
    resultNote = result;
    closedBy = by;
    closedAt = at;
  }

  /**
   * Drops the task.
   *
   * @throws ProblemException 409 when the task is not open, 400 without a reason
   */
  public void cancel(@Nullable String reason, UserId by, Instant at) {
    requireOpen();
    String why = trim(reason);
    if (why == null) {
      throw ProblemException.invalid("reason", "task.cancelReason.required");
    }
    if (why.length() > REASON_MAX) {
      throw ProblemException.invalid("reason", "task.cancelReason.tooLong", REASON_MAX);
    }
    status = TaskStatus.CANCELLED;
    cancelReason = why;
    closedBy = by;
    closedAt = at;
  }

  /**
   * Gives the task to someone else.
   *
   * @throws ProblemException 409 when the task is not open
   */
  public void reassign(UserId to) {
    requireOpen();
    assignee = to;
  }

  /** Remembers the interaction that completing the task logged. */
  void loggedAs(UUID interactionId) {
    interaction = interactionId;
  }

  /** Follows the customer to the surviving record of a merge. */
  void movedTo(CustomerId survivor) {
    customer = survivor;
  }

  public boolean isOpen() {
    return status == TaskStatus.OPEN;
  }

  /** Open and due before {@code now}. */
  public boolean isOverdue(Instant now) {
    return isOpen() && dueAt.isBefore(now);
  }

  private void requireOpen() {
    if (status != TaskStatus.OPEN) {
      throw ProblemException.conflict("task-not-open", "task.notOpen");
    }
  }

  private static @Nullable String trim(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  public TaskId id() {
    return id;
  }

  public CustomerId customer() {
    return customer;
  }

  public TaskType type() {
    return type;
  }

  public UserId assignee() {
    return assignee;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public TaskPriority priority() {
    return priority;
  }

  public TaskStatus status() {
    return status;
  }

  public @Nullable String notes() {
    return notes;
  }

  public @Nullable String resultNote() {
    return resultNote;
  }

  public @Nullable String cancelReason() {
    return cancelReason;
  }

  public @Nullable UserId createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public @Nullable UserId closedBy() {
    return closedBy;
  }

  public @Nullable Instant closedAt() {
    return closedAt;
  }

  public @Nullable UUID interaction() {
    return interaction;
  }

  public @Nullable UUID sourceOrderId() {
    return sourceOrderId;
  }

  int version() {
    return version;
  }
}
