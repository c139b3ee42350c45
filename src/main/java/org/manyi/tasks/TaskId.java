package org.manyi.tasks;

import java.util.UUID;

/** A task's identity, the only way other modules refer to a task. */
public record TaskId(UUID value) {

  public static TaskId random() {
    return new TaskId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
