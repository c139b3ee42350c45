package org.manyi.surveys.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.SurveyStatus;

/**
 * A survey. Its questions are frozen in a version once answered: changing them then starts a new
 * version, so every response stays tied to the questions it answered.
 */
public class Survey {

  static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  static final int MAX_NAME = 200;
  static final int MAX_QUESTIONS = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SurveyId id;
  private String name;
  private SurveyStatus status;
  private int version;
  private List<Question> questions;
  private final String anonymousToken;
  private final String createdBy;
  private final Instant createdAt;
  private Instant updatedAt;
  private final boolean answered;

  Survey(
      SurveyId id,
      String name,
      SurveyStatus status,
      int version,
      List<Question> questions,
      String anonymousToken,
      String createdBy,
      Instant createdAt,
      Instant updatedAt,
      boolean answered) {
    this.id = id;
    this.name = name;
    this.status = status;
    this.version = version;
    this.questions = List.copyOf(questions);
    this.anonymousToken = anonymousToken;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.answered = answered;
  }

  static Survey draft(String name, List<Question> questions, String createdBy, Instant now) {
    Survey survey =
        new Survey(
            new SurveyId(UUID.randomUUID()),
            "",
            SurveyStatus.DRAFT,
            1,
            List.of(),
            token(),
            createdBy,
            now,
            now,
            false);
    survey.rename(name, now);
    survey.questions = checked(questions);
    return survey;
  }

  /** An unguessable link token (192 bits). */
  static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  void rename(String name, Instant now) {
    String value = name == null ? "" : name.strip();
    if (value.isEmpty() || value.length() > MAX_NAME) {
      throw ProblemException.invalid("name", "survey.name.required");
    }
    this.name = value;
    this.updatedAt = now;
  }

  /**
   * Replaces the questions.
   *
   * @return true when this started a new version because the old one has responses
   */
  boolean replaceQuestions(List<Question> replacement, Instant now) {
    List<Question> checked = checked(replacement);
    if (status == SurveyStatus.ACTIVE && checked.isEmpty()) {
      throw ProblemException.invalid("questions", "survey.questions.required");
    }
    this.questions = checked;
    this.updatedAt = now;
    if (answered) {
      version++;
      return true;
    }
    return false;
  }

  void activate(Instant now) {
    if (questions.isEmpty()) {
      throw ProblemException.conflict("survey-empty", "survey.questions.required");
    }
    status = SurveyStatus.ACTIVE;
    updatedAt = now;
  }

  void close(Instant now) {
    if (status == SurveyStatus.DRAFT) {
      throw ProblemException.conflict("survey-status", "survey.status.notActive");
    }
    status = SurveyStatus.CLOSED;
    updatedAt = now;
  }

  void moveTo(SurveyStatus target, Instant now) {
    switch (target) {
      case ACTIVE -> activate(now);
      case CLOSED -> close(now);
      case DRAFT -> {
        if (status != SurveyStatus.DRAFT) {
          throw ProblemException.conflict("survey-status", "survey.status.backToDraft");
        }
      }
    }
  }

  boolean acceptsResponses() {
    return status == SurveyStatus.ACTIVE;
  }

  static List<Question> checked(List<Question> questions) {
    if (questions == null) {
      return List.of();
    }
    if (questions.size() > MAX_QUESTIONS) {
      throw ProblemException.invalid("questions", "survey.questions.tooMany", MAX_QUESTIONS);
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String field = "questions[" + i + "]";
      if (q == null || q.key() == null || !KEY.matcher(q.key()).matches()) {
        throw ProblemException.invalid(field + ".key", "survey.question.key");
      }
      if (!keys.add(q.key())) {
        throw ProblemException.invalid(field + ".key", "survey.question.keyTaken", q.key());
      }
      if (q.type() == null) {
        throw ProblemException.invalid(field + ".type", "survey.question.type");
      }
      if (q.text() == null || q.text().blank()) {
        throw ProblemException.invalid(field + ".text", "survey.question.text");
      }
      boolean choice =
          q.type() == QuestionType.SINGLE_CHOICE
              || q.type() == QuestionType.MULTI_CHOICE
              || q.type() == QuestionType.LIKERT;
      if (choice && q.optionList().size() < (q.type() == QuestionType.LIKERT ? 1 : 2)) {
        throw ProblemException.invalid(field + ".options", "survey.question.options");
      }
      Set<String> values = new HashSet<>();
      for (Question.Option option : q.optionList()) {
        if (option == null
            || option.value() == null
            || option.value().isBlank()
            || !values.add(option.value())) {
          throw ProblemException.invalid(field + ".options", "survey.question.options");
        }
      }
      if (q.type() == QuestionType.RATING && q.scaleMin() >= q.scaleMax()) {
        throw ProblemException.invalid(field + ".max", "survey.question.scale");
      }
      if (q.showIf() != null && !keys.contains(q.showIf().question())) {
        throw ProblemException.invalid(field + ".showIf", "survey.question.showIf");
      }
    }
    return List.copyOf(questions);
  }

  public SurveyId id() {
    return id;
  }

  public String name() {
    return name;
  }

  public SurveyStatus status() {
    return status;
  }

  public int version() {
    return version;
  }

  public List<Question> questions() {
    return questions;
  }

  public String anonymousToken() {
    return anonymousToken;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public boolean answered() {
    return answered;
  }
}
