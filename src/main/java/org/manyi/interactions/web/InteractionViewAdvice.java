package org.manyi.interactions.web;

import java.time.ZoneId;
import org.manyi.interactions.internal.InteractionManagement;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the interaction pages the business time zone, so times are shown in the zone the forms read
 * them in, whatever the server's own zone is.
 */
@ControllerAdvice(assignableTypes = InteractionController.class)
class InteractionViewAdvice {

  private final ZoneId zone;

  InteractionViewAdvice(InteractionManagement interactions) {
    this.zone = interactions.zone();
  }

  @ModelAttribute("zone")
  ZoneId zone() {
    return zone;
  }
}
