package org.manyi.tasks.web;

import java.time.ZoneId;
import org.manyi.tasks.internal.TaskManagement;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the task pages the business time zone, so due times are shown in the zone the forms read
 * them in and "today" is counted in, whatever the server's own zone is.
 */
@ControllerAdvice(assignableTypes = {TaskController.class, PostPurchaseRuleController.class})
class TaskViewAdvice {

  private final ZoneId zone;

  TaskViewAdvice(TaskManagement tasks) {
    this.zone = tasks.zone();
  }

  @ModelAttribute("zone")
  ZoneId zone() {
    return zone;
  }
}
