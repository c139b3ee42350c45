package org.manyi.surveys.web;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.Mail;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.AutomaticInvitations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The automatic-invitation card of the survey page, an htmx fragment. */
@Controller
class SurveyTriggerController {

  static final String CARD = "surveys/trigger :: card";

  private final AutomaticInvitations automatic;
  private final Mail mail;

  SurveyTriggerController(AutomaticInvitations automatic, Mail mail) {
    this.automatic = automatic;
    this.mail = mail;
  }

  @GetMapping("/surveys/{id}/trigger")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
  String card(@PathVariable UUID id, Model model) {
    return show(id, model);
  }

  @PostMapping("/surveys/{id}/trigger")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  String save(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String event,
      @RequestParam(required = false) @Nullable Integer delayDays,
      @RequestParam(required = false) @Nullable BigDecimal minAmount,
      @RequestParam(defaultValue = "false") boolean remove,
      Model model) {
    try {
      if (remove || event == null || event.isBlank()) {
        automatic.remove(new SurveyId(id));
      } else {
        automatic.save(
            new AutomaticInvitations.Trigger(
                new SurveyId(id),
                AutomaticInvitations.Event.valueOf(event),
                delayDays == null ? -1 : delayDays,
                minAmount));
      }
      model.addAttribute("saved", true);
    } catch (ProblemException e) {
      model.addAttribute("triggerError", e.firstField() == null ? e.code() : e.firstField().code());
    } catch (IllegalArgumentException e) {
      model.addAttribute("triggerError", "trigger.event.required");
    }
    return show(id, model);
  }

  private String show(UUID id, Model model) {
    model.addAttribute("surveyId", id);
    model.addAttribute("trigger", automatic.trigger(new SurveyId(id)).orElse(null));
    model.addAttribute("events", AutomaticInvitations.Event.values());
    model.addAttribute("mailConfigured", mail.configured());
    return CARD;
  }
}
