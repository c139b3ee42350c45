package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.CurrentUser;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.InvitationCampaigns;
import org.manyi.surveys.internal.InvitationStatus;
import org.manyi.surveys.internal.Invitations;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
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

  /** A segment filter; empty fields match every customer. */
  record SegmentRequest(
      @Nullable Set<LifecycleStage> stages,
      @Nullable String city,
      @Nullable UUID ownerId,
      @Nullable UUID teamId,
      @Nullable LocalDate createdFrom,
      @Nullable LocalDate createdTo) {}

  /**
   * A campaign: a customer list or a segment, the channel, and who of the eligible is invited.
   *
   * @param sample ALL (default), RANDOM or STRATIFIED; the latter two need {@code sampleSize}
   * @param stratifyBy STAGE or CITY, for STRATIFIED
   * @param seed makes the sample reproducible (a fixed default when absent)
   * @param reminderAfterDays one reminder to non-responders (email); 0 for none
   */
  record CampaignRequest(
      Invitations.@Nullable Channel channel,
      @Nullable List<UUID> customerIds,
      @Nullable SegmentRequest segment,
      InvitationCampaigns.@Nullable SampleMode sample,
      @Nullable Integer sampleSize,
      InvitationCampaigns.@Nullable Stratum stratifyBy,
      @Nullable Long seed,
      @Nullable Integer expiresInDays,
      @Nullable Integer reminderAfterDays) {

    InvitationCampaigns.Request campaign() {
      SegmentRequest s = segment;
      return new InvitationCampaigns.Request(
          channel,
          customerIds,
          s == null
              ? null
              : new InvitationCampaigns.Segment(
                  s.stages(), s.city(), s.ownerId(), s.teamId(), s.createdFrom(), s.createdTo()),
          sample == null ? InvitationCampaigns.SampleMode.ALL : sample,
          sampleSize,
          stratifyBy,
          seed,
          expiresInDays,
          reminderAfterDays);
    }
  }

  /** The started campaign job; follow it at {@code /api/v1/jobs/{jobId}}. */
  record CampaignStarted(UUID jobId) {}

  /** One invitation and how far it got. */
  record InvitationStateResource(
      UUID customerId,
      String customerName,
      Invitations.Channel channel,
      InvitationStatus.State state,
      Instant createdAt,
      @Nullable Instant sentAt,
      @Nullable String failure,
      @Nullable Instant openedAt,
      @Nullable Instant remindedAt,
      @Nullable Instant respondedAt,
      Instant expiresAt) {}

  private final Invitations invitations;
  private final InvitationCampaigns campaigns;
  private final InvitationStatus status;

  InvitationApiController(
      Invitations invitations, InvitationCampaigns campaigns, InvitationStatus status) {
    this.invitations = invitations;
    this.campaigns = campaigns;
    this.status = status;
  }

  static String linkBase() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  @PostMapping("/api/v1/surveys/{id}/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Personal links for customers: one response each, with expiry",
      description =
          "Customers invited to any survey within the contact interval (30 days by default) are"
              + " skipped with outcome RECENTLY_INVITED. EMAIL needs a configured mail server (400"
              + " on channel otherwise) and the customer's consent to email (NO_CONSENT,"
              + " NO_ADDRESS); email is queued and sent within a minute, or when the quiet hours"
              + " end.")
  InvitationsResource invite(
      @PathVariable UUID id, @RequestBody InvitationRequest request, Authentication who) {
    return new InvitationsResource(
        invitations
            .invite(
                new SurveyId(id),
                request.customerIds(),
                request.channel() == null ? Invitations.Channel.LINK : request.channel(),
                request.expiresInDays(),
                who.getName(),
                linkBase())
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

  @PostMapping("/api/v1/surveys/{id}/invitations/campaigns")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Invite a list or a segment, all or a sample, as a background job",
      description =
          "The job result counts matched, excluded (per reason: RECENTLY_INVITED, NO_CONSENT,"
              + " NO_ADDRESS, OUT_OF_SCOPE), eligible, selected, invited, sent, waiting (quiet"
              + " hours) and failed.")
  CampaignStarted startCampaign(
      @PathVariable UUID id, @RequestBody CampaignRequest request, CurrentUser user) {
    return new CampaignStarted(
        campaigns.start(new SurveyId(id), request.campaign(), user, linkBase()));
  }

  @PostMapping("/api/v1/surveys/{id}/invitations/preview")
  @Operation(summary = "Count what a campaign would do, inviting nobody")
  InvitationCampaigns.Preview preview(
      @PathVariable UUID id, @RequestBody CampaignRequest request, CurrentUser user) {
    return campaigns.preview(new SurveyId(id), request.campaign(), user);
  }

  @GetMapping("/api/v1/surveys/{id}/invitations")
  @Operation(summary = "The survey's invitations with their state, newest first")
  PageResult<InvitationStateResource> list(
      @PathVariable UUID id,
      @RequestParam(required = false) InvitationStatus.@Nullable State state,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser user) {
    return status
        .list(new SurveyId(id), user, state, PageRequest.of(page, size))
        .map(
            r ->
                new InvitationStateResource(
                    r.customerId(),
                    r.customerName(),
                    r.channel(),
                    r.state(),
                    r.createdAt(),
                    r.sentAt(),
                    r.failure(),
                    r.openedAt(),
                    r.remindedAt(),
                    r.respondedAt(),
                    r.expiresAt()));
  }

  @GetMapping("/api/v1/surveys/{id}/invitations/counts")
  @Operation(summary = "How many of the survey's invitations are in each state")
  Map<InvitationStatus.State, Long> counts(@PathVariable UUID id, CurrentUser user) {
    return status.counts(new SurveyId(id), user);
  }
}
