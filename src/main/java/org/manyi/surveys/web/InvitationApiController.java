package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.Invitations;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
@Tag(name = "Surveys")
class InvitationApiController {

  /** Customers to invite; LINK only creates the personal links for the company to send. */
  record InvitationRequest(
      @Nullable List<UUID> customerIds,
      Invitations.@Nullable Channel channel,
      @Nullable Integer expiresInDays) {}

  /** Per customer: the outcome, and the token and link when invited. */
  record InvitationResource(
      UUID customerId, Invitations.Outcome outcome, @Nullable String token, @Nullable String url) {}

  /** The answer: one entry per distinct customer. */
  record InvitationsResource(List<InvitationResource> items) {}

  private final Invitations invitations;

  InvitationApiController(Invitations invitations) {
    this.invitations = invitations;
  }

  @PostMapping("/api/v1/surveys/{id}/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Personal links for customers: one response each, with expiry",
      description =
          "Customers invited to any survey within the contact interval (30 days by default) are"
              + " skipped with outcome RECENTLY_INVITED. EMAIL is refused until a mail server is"
              + " configured.")
  InvitationsResource invite(
      @PathVariable UUID id, @RequestBody InvitationRequest request, Authentication who) {
    return new InvitationsResource(
        invitations
            .invite(
                new SurveyId(id),
                request.customerIds(),
                request.channel() == null ? Invitations.Channel.LINK : request.channel(),
                request.expiresInDays(),
                who.getName())
            .stream()
            .map(
                i ->
                    new InvitationResource(
                        i.customerId(),
                        i.outcome(),
                        i.token(),
                        i.token() == null
                            ? null
                            : ServletUriComponentsBuilder.fromCurrentContextPath()
                                .path("/s/{token}")
                                .buildAndExpand(i.token())
                                .toUriString()))
            .toList());
  }
}
