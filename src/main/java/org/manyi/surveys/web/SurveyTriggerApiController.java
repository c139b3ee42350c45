package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.AutomaticInvitations;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A survey's automatic invitation after orders or closed cases. */
@RestController
@RequestMapping("/api/v1/surveys/{id}/trigger")
@Tag(name = "Surveys")
class SurveyTriggerApiController {

  private final AutomaticInvitations automatic;

  SurveyTriggerApiController(AutomaticInvitations automatic) {
    this.automatic = automatic;
  }

  /**
   * A trigger as the API shows and takes it.
   *
   * @param event {@code ORDER_PLACED} or {@code CASE_CLOSED}
   * @param delayDays days after the event before the email goes out (0–90)
   * @param minAmount orders below this amount send nothing
   */
  record TriggerResource(
      AutomaticInvitations.@Nullable Event event,
      @Nullable Integer delayDays,
      @Nullable BigDecimal minAmount) {}

  @GetMapping
  @PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
  @Operation(summary = "The survey's trigger (404 when it has none)")
  TriggerResource get(@PathVariable UUID id) {
    return automatic
        .trigger(new SurveyId(id))
        .map(t -> new TriggerResource(t.event(), t.delayDays(), t.minAmount()))
        .orElseThrow(() -> ProblemException.notFound("trigger.none"));
  }

  @PutMapping
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  @Operation(
      summary =
          "Invite customers by email automatically some days after an order (ORDER_PLACED) or a"
              + " closed case (CASE_CLOSED); consent, address and the contact interval apply")
  TriggerResource put(@PathVariable UUID id, @RequestBody TriggerResource request) {
    if (request.delayDays() == null) {
      throw ProblemException.invalid("delayDays", "trigger.delay.range", 90);
    }
    AutomaticInvitations.Trigger saved =
        automatic.save(
            new AutomaticInvitations.Trigger(
                new SurveyId(id), request.event(), request.delayDays(), request.minAmount()));
    return new TriggerResource(saved.event(), saved.delayDays(), saved.minAmount());
  }

  @DeleteMapping
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  @Operation(summary = "Stop the automatic invitations of the survey (204)")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    automatic.remove(new SurveyId(id));
    return ResponseEntity.noContent().build();
  }
}
