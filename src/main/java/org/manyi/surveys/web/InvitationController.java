package org.manyi.surveys.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.Jobs;
import org.manyi.platform.Mail;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.InvitationCampaigns;
import org.manyi.surveys.internal.InvitationStatus;
import org.manyi.surveys.internal.Invitations;
import org.manyi.surveys.internal.QuietHours;
import org.manyi.surveys.internal.SampleSize;
import org.manyi.surveys.internal.Survey;
import org.manyi.surveys.internal.SurveyManagement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The invitation page of a survey: invite a list or a segment by link or email, all or a sample,
 * with a preview of who is excluded and why, a sample size calculator, the progress of the
 * campaign, and every invitation's state.
 */
@Controller
@RequestMapping("/surveys/{id}/invitations")
@PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
class InvitationController {

  static final String PAGE = "surveys/invitations";
  static final String PREVIEW = "surveys/invitations :: preview";
  static final String CALCULATOR = "surveys/invitations :: calculator";
  private static final int PAGE_SIZE = 50;

  /** The campaign form; customer IDs one per line (or separated by commas or spaces). */
  record CampaignForm(
      Invitations.@Nullable Channel channel,
      @Nullable String customerIds,
      @Nullable Set<LifecycleStage> stages,
      @Nullable String city,
      @Nullable UUID ownerId,
      @Nullable UUID teamId,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate createdFrom,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate createdTo,
      InvitationCampaigns.@Nullable SampleMode sample,
      @Nullable Integer sampleSize,
      InvitationCampaigns.@Nullable Stratum stratifyBy,
      @Nullable Long seed,
      @Nullable Integer expiresInDays,
      @Nullable Integer reminderAfterDays) {

    static CampaignForm empty(int reminderDays) {
      return new CampaignForm(
          Invitations.Channel.LINK,
          "",
          Set.of(),
          "",
          null,
          null,
          null,
          null,
          InvitationCampaigns.SampleMode.ALL,
          null,
          InvitationCampaigns.Stratum.STAGE,
          null,
          30,
          reminderDays);
    }

    InvitationCampaigns.Request request() {
      List<UUID> ids = null;
      if (customerIds != null && !customerIds.isBlank()) {
        String[] parts = customerIds.strip().split("[\\s,;]+");
        UUID[] parsed = new UUID[parts.length];
        for (int i = 0; i < parts.length; i++) {
          try {
            parsed[i] = UUID.fromString(parts[i]);
          } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("customerIds", "invitation.customer.unknown");
          }
        }
        ids = Arrays.asList(parsed);
      }
      return new InvitationCampaigns.Request(
          channel,
          ids,
          new InvitationCampaigns.Segment(stages, city, ownerId, teamId, createdFrom, createdTo),
          sample == null ? InvitationCampaigns.SampleMode.ALL : sample,
          sampleSize,
          stratifyBy,
          seed,
          expiresInDays,
          reminderAfterDays);
    }
  }

  /** A finished campaign's counts, read from its job result, for the page. */
  record CampaignSummary(
      long matched,
      Map<String, Long> excluded,
      long invited,
      long sent,
      long waiting,
      long failed) {

    static @Nullable CampaignSummary of(@Nullable JsonNode result) {
      if (result == null || !result.has("invited")) {
        return null;
      }
      Map<String, Long> excluded = new LinkedHashMap<>();
      JsonNode skipped = result.get("excluded");
      if (skipped != null) {
        skipped.properties().forEach(e -> excluded.put(e.getKey(), e.getValue().asLong()));
      }
      return new CampaignSummary(
          result.path("matched").asLong(),
          excluded,
          result.path("invited").asLong(),
          result.path("sent").asLong(),
          result.path("waiting").asLong(),
          result.path("failed").asLong());
    }
  }

  private final SurveyManagement surveys;
  private final Invitations invitations;
  private final InvitationCampaigns campaigns;
  private final InvitationStatus status;
  private final Mail mail;
  private final Jobs jobs;
  private final Users users;
  private final QuietHours quietHours;

  InvitationController(
      SurveyManagement surveys,
      Invitations invitations,
      InvitationCampaigns campaigns,
      InvitationStatus status,
      Mail mail,
      Jobs jobs,
      Users users,
      QuietHours quietHours) {
    this.surveys = surveys;
    this.invitations = invitations;
    this.campaigns = campaigns;
    this.status = status;
    this.mail = mail;
    this.jobs = jobs;
    this.users = users;
    this.quietHours = quietHours;
  }

  @GetMapping
  String page(
      @PathVariable UUID id,
      @RequestParam(required = false) InvitationStatus.@Nullable State state,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) @Nullable UUID job,
      CurrentUser me,
      Model model) {
    Survey survey = surveys.get(new SurveyId(id));
    model.addAttribute("survey", survey);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", CampaignForm.empty(invitations.reminderAfterDays()));
    }
    model.addAttribute("mailConfigured", mail.configured());
    model.addAttribute("intervalDays", invitations.intervalDays());
    model.addAttribute("quietHours", quietHours);
    model.addAttribute("channels", Invitations.Channel.values());
    model.addAttribute("stages", LifecycleStage.values());
    model.addAttribute("sampleModes", InvitationCampaigns.SampleMode.values());
    model.addAttribute("strata", InvitationCampaigns.Stratum.values());
    List<UserSummary> owners = users.enabled();
    model.addAttribute("owners", owners);
    Map<UUID, String> teams = new TreeMap<>();
    owners.forEach(
        o -> {
          if (o.teamId() != null && o.teamName() != null) {
            teams.put(o.teamId().value(), o.teamName());
          }
        });
    model.addAttribute("teams", teams);
    model.addAttribute("states", InvitationStatus.State.values());
    model.addAttribute("state", state);
    model.addAttribute("counts", status.counts(survey.id(), me));
    model.addAttribute(
        "invitations", status.list(survey.id(), me, state, new PageRequest(page, PAGE_SIZE)));
    model.addAttribute("metrics", SampleSize.Metric.values());
    if (!model.containsAttribute("sampleSize")) {
      model.addAttribute("sampleSize", SampleSize.of(SampleSize.Metric.NPS, 5, 0.95, null));
    }
    if (job != null) {
      jobs.find(job)
          .filter(j -> j.owner().equals(me.username()))
          .ifPresent(
              j -> {
                model.addAttribute("job", j);
                model.addAttribute("campaign", CampaignSummary.of(j.result()));
              });
    }
    return PAGE;
  }

  /** The counts a campaign would give (an htmx fragment). */
  @PostMapping("/preview")
  String preview(
      @PathVariable UUID id,
      @ModelAttribute("form") CampaignForm form,
      BindingResult binding,
      CurrentUser me,
      Model model) {
    model.addAttribute("survey", surveys.get(new SurveyId(id)));
    if (binding.hasErrors()) {
      model.addAttribute("problemField", binding.getFieldErrors().get(0).getField());
      model.addAttribute("problemCode", "campaign.input.invalid");
      return PREVIEW;
    }
    try {
      model.addAttribute("preview", campaigns.preview(new SurveyId(id), form.request(), me));
    } catch (ProblemException e) {
      ProblemException.FieldProblem field = e.firstField();
      model.addAttribute("problemField", field == null ? null : field.field());
      model.addAttribute("problemCode", field == null ? e.code() : field.code());
    }
    return PREVIEW;
  }

  /** Starts the campaign after the confirmation, then shows its progress on this page. */
  @PostMapping("/campaigns")
  String start(
      @PathVariable UUID id,
      @ModelAttribute("form") CampaignForm form,
      BindingResult binding,
      CurrentUser me,
      RedirectAttributes flash) {
    if (binding.hasErrors()) {
      flash.addFlashAttribute("flashError", "campaign.input.invalid");
      return "redirect:/surveys/" + id + "/invitations";
    }
    try {
      UUID job =
          campaigns.start(new SurveyId(id), form.request(), me, InvitationApiController.linkBase());
      flash.addFlashAttribute("flashSuccess", "campaign.started");
      return "redirect:/surveys/" + id + "/invitations?job=" + job;
    } catch (ProblemException e) {
      ProblemException.FieldProblem field = e.firstField();
      flash.addFlashAttribute("flashError", field == null ? e.code() : field.code());
      flash.addFlashAttribute("form", form);
      return "redirect:/surveys/" + id + "/invitations";
    }
  }

  /** The sample size calculator (an htmx fragment). */
  @GetMapping("/sample-size")
  String sampleSize(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "NPS") SampleSize.Metric metric,
      @RequestParam(defaultValue = "5") double margin,
      @RequestParam(defaultValue = "0.95") double confidence,
      @RequestParam(required = false) @Nullable Long population,
      Model model) {
    model.addAttribute("survey", surveys.get(new SurveyId(id)));
    model.addAttribute("metrics", SampleSize.Metric.values());
    try {
      model.addAttribute("sampleSize", SampleSize.of(metric, margin, confidence, population));
    } catch (ProblemException e) {
      model.addAttribute("sampleSizeProblem", e.firstField());
      model.addAttribute("sampleSize", SampleSize.of(SampleSize.Metric.NPS, 5, 0.95, null));
    }
    return CALCULATOR;
  }
}
