package org.manyi.surveys.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSelection;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.SurveyId;
import org.springframework.stereotype.Service;

/**
 * Invitations to many customers at once: a list or a segment filter (stage, city, owner, team,
 * created range) within the inviting user's data scope, the contact rules applied (interval,
 * consent for email), then everyone eligible or a random or stratified sample of them. A preview
 * counts without inviting; the campaign itself runs as a job with progress and reports every
 * skipped customer with its reason.
 */
@Service
public class InvitationCampaigns {

  public static final String JOB_TYPE = "survey-invitation-campaign";
  static final int PAGE = 1000;
  private static final String CREATED_TO = "segment.createdTo";

  /** The seed of samples asked for without one, so a preview and its campaign agree. */
  static final long DEFAULT_SEED = 20_261_123L;

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Which customers a campaign is drawn from when no list is given; empty fields match all. */
  public record Segment(
      @Nullable Set<LifecycleStage> stages,
      @Nullable String city,
      @Nullable UUID ownerId,
      @Nullable UUID teamId,
      @Nullable LocalDate createdFrom,
      @Nullable LocalDate createdTo) {

    static Segment all() {
      return new Segment(null, null, null, null, null, null);
    }

    boolean matches(CustomerSummary c) {
      if (stages != null && !stages.isEmpty() && !stages.contains(c.stage())) {
        return false;
      }
      if (city != null
          && !city.isBlank()
          && (c.city() == null || !c.city().strip().equalsIgnoreCase(city.strip()))) {
        return false;
      }
      if (ownerId != null && (c.ownerId() == null || !c.ownerId().value().equals(ownerId))) {
        return false;
      }
      if (teamId != null && (c.teamId() == null || !c.teamId().value().equals(teamId))) {
        return false;
      }
      LocalDate created = c.createdAt().atZone(ZONE).toLocalDate();
      return (createdFrom == null || !created.isBefore(createdFrom))
          && (createdTo == null || !created.isAfter(createdTo));
    }
  }

  /** How many of the eligible customers are invited. */
  public enum SampleMode {
    /** Everyone eligible. */
    ALL,
    /** A simple random sample of the given size. */
    RANDOM,
    /** A sample of the given size split between strata in proportion to their sizes. */
    STRATIFIED
  }

  /** What a stratified sample is stratified by. */
  public enum Stratum {
    /** The lifecycle stage. */
    STAGE,
    /** The city (customers without one form their own stratum). */
    CITY,
    /** The value tier by total spend ({@link ValueTier}). */
    VALUE_TIER
  }

  /**
   * A campaign as asked for.
   *
   * @param customerIds a list of customers; when empty, the segment is used
   * @param seed makes a sample reproducible; a fixed default when absent, always reported
   * @param reminderAfterDays one reminder to those who have not answered (email only); 0 for none,
   *     absent for the configured default
   */
  public record Request(
      Invitations.Channel channel,
      @Nullable List<UUID> customerIds,
      @Nullable Segment segment,
      SampleMode sample,
      @Nullable Integer sampleSize,
      @Nullable Stratum stratifyBy,
      @Nullable Long seed,
      @Nullable Integer expiresInDays,
      @Nullable Integer reminderAfterDays) {}

  /**
   * Counts before inviting.
   *
   * @param matched customers in the list or segment that the user may see
   * @param excluded customers left out by a contact rule, per reason
   * @param eligible matched less excluded
   * @param selected those who would be invited: eligible, or the sample of them
   * @param allocation per stratum, how many the sample takes (stratified only)
   * @param strata per stratum, how many eligible customers it holds (stratified only): the
   *     allocation is proportional to these
   */
  public record Preview(
      long matched,
      Map<Invitations.Outcome, Long> excluded,
      long eligible,
      long selected,
      Map<String, Integer> allocation,
      Map<String, Integer> strata,
      long seed) {}

  /**
   * The job's result.
   *
   * @param waiting email invitations that wait for the quiet hours to end
   */
  public record Result(
      long matched,
      Map<Invitations.Outcome, Long> excluded,
      long eligible,
      long selected,
      Map<String, Integer> allocation,
      long seed,
      long invited,
      long sent,
      long waiting,
      long failed) {}

  private record Selection(
      long matched,
      Map<Invitations.Outcome, Long> excluded,
      List<CustomerSummary> eligible,
      List<CustomerSummary> selected,
      Map<String, Integer> allocation,
      Map<String, Integer> strata,
      long seed) {

    Preview preview() {
      return new Preview(
          matched, excluded, eligible.size(), selected.size(), allocation, strata, seed);
    }
  }

  private final Invitations invitations;
  private final InvitationMailer mailer;
  private final Customers customers;
  private final CustomerAccess access;
  private final Jobs jobs;
  private final CustomerProfiles profiles;
  private final Clock clock = Clock.systemUTC();

  InvitationCampaigns(
      Invitations invitations,
      InvitationMailer mailer,
      Customers customers,
      CustomerAccess access,
      Jobs jobs,
      CustomerProfiles profiles) {
    this.profiles = profiles;
    this.invitations = invitations;
    this.mailer = mailer;
    this.customers = customers;
    this.access = access;
    this.jobs = jobs;
  }

  /**
   * Counts what a campaign would do, inviting nobody.
   *
   * @throws ProblemException as {@link #start}
   */
  public Preview preview(SurveyId survey, Request request, CurrentUser user) {
    check(survey, request);
    return select(request, user, null).preview();
  }

  /**
   * Checks the request and starts the campaign job.
   *
   * @param linkBase the address personal links start with
   * @return the job's ID
   * @throws ProblemException 404 unknown survey, 409 survey not open, 400 naming {@code channel},
   *     {@code customerIds[i]}, {@code sampleSize}, {@code stratifyBy}, {@code expiresInDays},
   *     {@code reminderAfterDays} or {@code segment.createdTo}
   */
  public UUID start(SurveyId survey, Request request, CurrentUser user, String linkBase) {
    check(survey, request);
    long seed = request.seed() != null ? request.seed() : DEFAULT_SEED;
    return jobs.submit(
        JOB_TYPE, user.username(), job -> run(survey, request, seed, user, linkBase, job));
  }

  private void check(SurveyId survey, Request request) {
    if (request.channel() == null) {
      throw ProblemException.invalid("channel", "campaign.channel.required");
    }
    invitations.requireOpen(survey, request.channel());
    Invitations.checkExpiry(request.expiresInDays());
    if (request.reminderAfterDays() != null
        && (request.reminderAfterDays() < 0 || request.reminderAfterDays() > 60)) {
      throw ProblemException.invalid("reminderAfterDays", "campaign.reminder.range");
    }
    List<UUID> ids = request.customerIds();
    if (ids != null && ids.size() > Invitations.MAX_PER_REQUEST) {
      throw ProblemException.invalid(
          "customerIds", "invitation.customers.count", Invitations.MAX_PER_REQUEST);
    }
    if (ids != null) {
      for (int i = 0; i < ids.size(); i++) {
        if (ids.get(i) == null || customers.find(new CustomerId(ids.get(i))).isEmpty()) {
          throw ProblemException.invalid("customerIds[" + i + "]", "invitation.customer.unknown");
        }
      }
    }
    Segment segment = request.segment();
    if (segment != null
        && segment.createdFrom() != null
        && segment.createdTo() != null
        && segment.createdTo().isBefore(segment.createdFrom())) {
      throw ProblemException.invalid(CREATED_TO, "campaign.created.range");
    }
    SampleMode mode = request.sample() == null ? SampleMode.ALL : request.sample();
    if (mode != SampleMode.ALL
        && (request.sampleSize() == null
            || request.sampleSize() < 1
            || request.sampleSize() > 1_000_000)) {
      throw ProblemException.invalid("sampleSize", "campaign.sampleSize.range");
    }
    if (mode == SampleMode.STRATIFIED && request.stratifyBy() == null) {
      throw ProblemException.invalid("stratifyBy", "campaign.stratifyBy.required");
    }
  }

  private Selection select(Request request, CurrentUser user, @Nullable Long fixedSeed) {
    Instant now = clock.instant();
    Set<UUID> recent = invitations.recentlyInvited(now);
    Map<Invitations.Outcome, Long> excluded = new EnumMap<>(Invitations.Outcome.class);
    List<CustomerSummary> eligible = new ArrayList<>();
    long matched = 0;
    for (CustomerSummary c : candidates(request, user, excluded)) {
      matched++;
      Invitations.Outcome rule =
          recent.contains(c.id().value())
              ? Invitations.Outcome.RECENTLY_INVITED
              : invitations.consent(c.id().value(), request.channel());
      if (rule != null) {
        excluded.merge(rule, 1L, Long::sum);
      } else {
        eligible.add(c);
      }
    }
    long seed =
        fixedSeed != null ? fixedSeed : request.seed() != null ? request.seed() : DEFAULT_SEED;
    SampleMode mode = request.sample() == null ? SampleMode.ALL : request.sample();
    Map<String, Integer> allocation = new LinkedHashMap<>();
    Map<String, Integer> strata = new java.util.TreeMap<>();
    List<CustomerSummary> selected =
        switch (mode) {
          case ALL -> eligible;
          case RANDOM ->
              Sampling.random(eligible, request.sampleSize(), seed, c -> c.id().toString());
          case STRATIFIED -> {
            java.util.function.Function<CustomerSummary, String> stratum =
                stratifier(request.stratifyBy(), eligible);
            eligible.forEach(c -> strata.merge(stratum.apply(c), 1, Integer::sum));
            allocation.putAll(Sampling.allocate(strata, request.sampleSize()));
            yield Sampling.stratified(
                eligible, request.sampleSize(), seed, c -> c.id().toString(), stratum);
          }
        };
    return new Selection(matched, excluded, eligible, selected, allocation, strata, seed);
  }

  /**
   * The stratum of each candidate; value tiers are read for all candidates at once from their
   * purchase summaries.
   */
  private java.util.function.Function<CustomerSummary, String> stratifier(
      Stratum by, List<CustomerSummary> candidates) {
    if (by == Stratum.VALUE_TIER) {
      Map<UUID, ValueTier> tiers =
          profiles.tiers(candidates.stream().map(c -> c.id().value()).toList());
      return c -> tiers.getOrDefault(c.id().value(), ValueTier.NONE).name();
    }
    return c -> stratum(c, by);
  }

  static String stratum(CustomerSummary c, Stratum by) {
    return switch (by) {
      case STAGE -> c.stage().name();
      case CITY -> c.city() == null || c.city().isBlank() ? "—" : c.city().strip();
      case VALUE_TIER -> throw new IllegalArgumentException("value tiers need purchases");
    };
  }

  /**
   * The listed customers, or the segment's, that the user may see. Listed customers outside the
   * scope are counted as excluded; a segment simply does not reach them.
   */
  private List<CustomerSummary> candidates(
      Request request, CurrentUser user, Map<Invitations.Outcome, Long> excluded) {
    List<CustomerSummary> found = new ArrayList<>();
    if (request.customerIds() != null && !request.customerIds().isEmpty()) {
      for (UUID id : request.customerIds().stream().distinct().toList()) {
        CustomerId customer = new CustomerId(id);
        if (!access.canRead(user, customer)) {
          excluded.merge(Invitations.Outcome.OUT_OF_SCOPE, 1L, Long::sum);
          continue;
        }
        customers.find(customer).ifPresent(found::add);
      }
      return found;
    }
    Segment segment = request.segment() == null ? Segment.all() : request.segment();
    // the database narrows by stage, owner, team and a day-wider created range (it counts UTC
    // days); the exact segment rule, in Shanghai days, is applied to what comes back
    access.select(
        user,
        new CustomerSelection(
            segment.stages(),
            null,
            segment.ownerId(),
            segment.teamId(),
            segment.createdFrom() == null ? null : segment.createdFrom().minusDays(1),
            segment.createdTo() == null ? null : segment.createdTo().plusDays(1)),
        PAGE,
        page -> page.stream().filter(segment::matches).forEach(found::add));
    return found;
  }

  private void run(
      SurveyId survey,
      Request request,
      long seed,
      CurrentUser user,
      String linkBase,
      JobContext job) {
    Selection selection = select(request, user, seed);
    job.total(selection.selected().size());
    UUID campaign = UUID.randomUUID();
    int expires = Invitations.checkExpiry(request.expiresInDays());
    Integer reminder =
        request.reminderAfterDays() != null
            ? request.reminderAfterDays()
            : Integer.valueOf(invitations.reminderAfterDays());
    long invited = 0;
    long sent = 0;
    long waiting = 0;
    long failed = 0;
    try {
      for (CustomerSummary c : selection.selected()) {
        job.checkCancelled();
        Instant now = clock.instant();
        String token =
            invitations.create(
                new Invitations.NewInvitation(
                    survey,
                    c.id().value(),
                    request.channel(),
                    user.username(),
                    expires,
                    campaign,
                    reminder,
                    linkBase),
                now);
        invited++;
        if (request.channel() == Invitations.Channel.EMAIL) {
          switch (mailer.deliver(token, now)) {
            case SENT -> sent++;
            case FAILED -> failed++;
            case WAITING -> waiting++;
          }
        }
        job.processed(invited);
      }
    } finally {
      Map<Invitations.Outcome, Long> excluded = selection.excluded();
      job.message(
          String.format(
              Locale.ROOT,
              "matched %d, excluded %s, invited %d, sent %d, waiting for quiet hours to end %d,"
                  + " failed %d",
              selection.matched(),
              excluded,
              invited,
              sent,
              waiting,
              failed));
      job.result(
          new Result(
              selection.matched(),
              excluded,
              selection.eligible().size(),
              selection.selected().size(),
              selection.allocation(),
              seed,
              invited,
              sent,
              waiting,
              failed));
    }
  }
}
