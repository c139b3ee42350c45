package org.manyi.surveys.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.SurveyStatus;
import org.manyi.surveys.events.SurveyAnswered;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing surveys, and taking their responses. */
@Service
@Transactional
public class SurveyManagement {

  /** Changes to a survey; null leaves a value as it is. */
  public record SurveyChanges(
      @Nullable String name, @Nullable SurveyStatus status, @Nullable List<Question> questions) {}

  /** Where a response came from. */
  public enum Channel {
    /** The survey's shareable anonymous link. */
    LINK,
    /** The JSON API. */
    API
  }

  /** What a link leads to. */
  public enum LinkState {
    /** The survey can be answered through it. */
    OPEN,
    /** No such link. */
    UNKNOWN,
    /** The survey is not open (draft or closed). */
    CLOSED,
    /** A personal link that was already used for its one response. */
    USED,
    /** A personal link past its expiry. */
    EXPIRED
  }

  /** A link's survey, when there is one, and whether it can be answered. */
  public record LinkView(LinkState state, @Nullable Survey survey) {}

  private final SurveyRepository surveys;
  private final Invitations invitations;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Deque> anonymousSubmissions = new ConcurrentHashMap<>();
  private final int responsesPerHour;
  private final CustomerProfiles profiles;

  /**
   * @param responsesPerHour how many responses one address may send through one link per hour
   *     ({@code manyi.surveys.responses-per-address-per-hour}, default 20)
   */
  SurveyManagement(
      SurveyRepository surveys,
      Invitations invitations,
      ApplicationEventPublisher events,
      CustomerProfiles profiles,
      @Value("${manyi.surveys.responses-per-address-per-hour:20}") int responsesPerHour) {
    this.profiles = profiles;
    this.surveys = surveys;
    this.invitations = invitations;
    this.events = events;
    this.responsesPerHour = responsesPerHour;
  }

  public Survey create(String name, List<Question> questions, String createdBy) {
    Survey survey = Survey.draft(name, questions, createdBy, clock.instant());
    surveys.insert(survey);
    return survey;
  }

  public Survey createFromTemplate(SurveyTemplate template, String name, String createdBy) {
    return create(name, template.questions(), createdBy);
  }

  public Survey change(SurveyId id, SurveyChanges changes) {
    Survey survey = get(id);
    Instant now = clock.instant();
    if (changes.name() != null) {
      survey.rename(changes.name(), now);
    }
    if (changes.questions() != null) {
      survey.replaceQuestions(changes.questions(), now);
    }
    if (changes.status() != null && changes.status() != survey.status()) {
      survey.moveTo(changes.status(), now);
    }
    surveys.update(survey);
    return survey;
  }

  @Transactional(readOnly = true)
  public Survey get(SurveyId id) {
    return surveys.find(id).orElseThrow(() -> ProblemException.notFound("survey.notFound"));
  }

  @Transactional(readOnly = true)
  public PageResult<Survey> list(
      @Nullable String q, @Nullable SurveyStatus status, PageRequest page) {
    return surveys.list(q, status, page);
  }

  @Transactional(readOnly = true)
  public long responses(SurveyId id) {
    return surveys.responses(id);
  }

  @Transactional(readOnly = true)
  public List<SurveyRepository.Comment> comments(SurveyId id, int limit) {
    return surveys.comments(id, limit);
  }

  /** Cronbach's alpha of one construct's items, from the responses that answered all of them. */
  public record ConstructReliability(String construct, List<String> items, int n, double alpha) {

    /** Below 0.7 the items hardly measure one thing; the page says so. */
    public boolean measured() {
      return !Double.isNaN(alpha);
    }

    public boolean weak() {
      return Double.isNaN(alpha) || alpha < 0.7;
    }
  }

  /** Reliability of each construct the survey's questions are tagged with. */
  @Transactional(readOnly = true)
  public List<ConstructReliability> reliability(Survey survey) {
    Map<String, List<String>> items = new java.util.LinkedHashMap<>();
    for (Question q : survey.questions()) {
      if (q.construct() != null && q.type().scored() && q.type() != QuestionType.LIKERT) {
        items.computeIfAbsent(q.construct(), c -> new java.util.ArrayList<>()).add(q.key());
      }
    }
    Map<UUID, Map<String, Integer>> scores =
        surveys.scores(survey.id(), items.values().stream().flatMap(List::stream).toList());
    List<ConstructReliability> result = new java.util.ArrayList<>();
    items.forEach(
        (construct, keys) -> {
          List<double[]> complete = new java.util.ArrayList<>();
          for (Map<String, Integer> response : scores.values()) {
            if (response.keySet().containsAll(keys)) {
              complete.add(keys.stream().mapToDouble(response::get).toArray());
            }
          }
          result.add(
              new ConstructReliability(
                  construct,
                  keys,
                  complete.size(),
                  Metrics.cronbachAlpha(complete.toArray(double[][]::new))));
        });
    return result;
  }

  /**
   * Takes a response through the survey's anonymous link.
   *
   * @param address the client's address, for the abuse limit
   * @throws ProblemException 404 for an unknown link, 409 when the survey is not open, 429 past the
   *     limit, 400 naming the answer that is wrong
   */
  public UUID answer(
      String token,
      Map<String, Object> answers,
      Channel channel,
      @Nullable String language,
      String address) {
    Instant now = clock.instant();
    Optional<Survey> anonymous = surveys.findByAnonymousToken(token);
    Invitations.Link link = null;
    Survey survey;
    if (anonymous.isPresent()) {
      survey = anonymous.get();
    } else {
      link =
          invitations
              .link(token)
              .orElseThrow(() -> ProblemException.notFound("response.link.unknown"));
      if (link.respondedAt() != null) {
        throw ProblemException.conflict("already-answered", "response.link.used");
      }
      if (link.expired(now)) {
        throw ProblemException.conflict("link-expired", "response.link.expired");
      }
      survey = get(link.surveyId());
    }
    if (!survey.acceptsResponses()) {
      throw ProblemException.conflict("survey-not-open", "response.survey.closed");
    }
    List<Answers.Item> items = Answers.check(survey.questions(), answers);
    if (link == null) {
      // personal links are limited by their one use; the anonymous link by address
      throttle(token, address);
    }
    UUID responseId = UUID.randomUUID();
    UUID customerId = link == null ? null : link.customerId();
    surveys.insertResponse(
        responseId,
        survey,
        customerId,
        channel.name(),
        language,
        now,
        items,
        profiles.profile(customerId));
    if (link != null && !invitations.use(token, responseId, now)) {
      throw ProblemException.conflict("already-answered", "response.link.used");
    }
    events.publishEvent(
        new SurveyAnswered(
            survey.id(),
            responseId,
            customerId,
            now,
            items.stream()
                .filter(i -> i.score() != null && i.type() != QuestionType.MULTI_CHOICE)
                .map(i -> new SurveyAnswered.Score(i.key(), i.type(), i.score()))
                .toList()));
    return responseId;
  }

  /** What the response page should show for a link. */
  @Transactional(readOnly = true)
  public LinkView open(String token) {
    Optional<Survey> anonymous = surveys.findByAnonymousToken(token);
    if (anonymous.isPresent()) {
      return new LinkView(
          anonymous.get().acceptsResponses() ? LinkState.OPEN : LinkState.CLOSED, anonymous.get());
    }
    Optional<Invitations.Link> link = invitations.link(token);
    if (link.isEmpty()) {
      return new LinkView(LinkState.UNKNOWN, null);
    }
    Survey survey = get(link.get().surveyId());
    if (link.get().respondedAt() != null) {
      return new LinkView(LinkState.USED, survey);
    }
    if (link.get().expired(clock.instant())) {
      return new LinkView(LinkState.EXPIRED, survey);
    }
    return new LinkView(survey.acceptsResponses() ? LinkState.OPEN : LinkState.CLOSED, survey);
  }

  private void throttle(String token, String address) {
    Deque sent = anonymousSubmissions.computeIfAbsent(token + "|" + address, k -> new Deque());
    if (!sent.admit(clock.instant(), Duration.ofHours(1), responsesPerHour)) {
      throw ProblemException.tooMany("too-many-responses", "response.tooMany");
    }
  }

  /** Submission times within the window. */
  private static final class Deque {
    private final java.util.ArrayDeque<Instant> times = new java.util.ArrayDeque<>();

    synchronized boolean admit(Instant now, Duration window, int limit) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
        times.removeFirst();
      }
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
