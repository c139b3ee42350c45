package org.manyi.satisfaction.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.platform.ProblemException.FieldProblem;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, revises, lists and deletes stored models, and seeds the ready ones. */
@Service
public class SatisfactionModels {

  private static final Logger log = LoggerFactory.getLogger(SatisfactionModels.class);
  static final String SYSTEM = "system";

  /** What a user edits: a model's name, description and structure. */
  public record Draft(String name, @Nullable String description, ModelSpec spec) {}

  private final SatisfactionModelRepository repository;
  private final Clock clock = Clock.systemUTC();

  SatisfactionModels(SatisfactionModelRepository repository) {
    this.repository = repository;
  }

  /** Ready models appear on first start, and again if someone deleted one. */
  @EventListener(ApplicationReadyEvent.class)
  void seedReadyModels() {
    for (ReadyModels.Template template : ReadyModels.all()) {
      if (repository.templateExists(template.key())) {
        continue;
      }
      var now = clock.instant();
      try {
        repository.insert(
            new SatisfactionModel(
                UUID.randomUUID(),
                template.name(),
                template.description(),
                template.key(),
                template.spec(),
                1,
                SYSTEM,
                now,
                now));
        log.info("Added the ready satisfaction model {}", template.key());
      } catch (DuplicateKeyException e) {
        // another instance seeded it at the same moment: exactly what we wanted
      }
    }
  }

  /** The ready model seeded from {@code template}, if nobody deleted it. */
  java.util.Optional<SatisfactionModel> ready(String template) {
    return repository.findByTemplate(template);
  }

  public PageResult<SatisfactionModel> list(@Nullable String query, PageRequest page) {
    return repository.list(query, page);
  }

  /**
   * @throws ProblemException 404 when there is no such model
   */
  public SatisfactionModel get(UUID id) {
    return repository
        .find(id)
        .orElseThrow(() -> ProblemException.notFound("satisfaction.model.notFound"));
  }

  /**
   * @throws ProblemException 400 naming every invalid field
   */
  @Transactional
  public SatisfactionModel create(Draft draft, String by) {
    validate(draft);
    var now = clock.instant();
    SatisfactionModel model =
        new SatisfactionModel(
            UUID.randomUUID(),
            draft.name().strip(),
            blankToNull(draft.description()),
            null,
            draft.spec(),
            1,
            by,
            now,
            now);
    repository.insert(model);
    return model;
  }

  /**
   * Saves a new version.
   *
   * @throws ProblemException 404 when there is no such model, 400 naming every invalid field, 409
   *     when someone else saved a version in the meantime
   */
  @Transactional
  public SatisfactionModel revise(UUID id, Draft draft) {
    SatisfactionModel current = get(id);
    validate(draft);
    SatisfactionModel next =
        current.revise(
            draft.name().strip(), blankToNull(draft.description()), draft.spec(), clock.instant());
    if (!repository.update(next)) {
      throw ProblemException.conflict("concurrent-change", "satisfaction.model.changedMeanwhile");
    }
    return next;
  }

  /**
   * Deletes the model with its runs.
   *
   * @throws ProblemException 404 when there is no such model
   */
  @Transactional
  public void delete(UUID id) {
    if (!repository.delete(id)) {
      throw ProblemException.notFound("satisfaction.model.notFound");
    }
  }

  private static void validate(Draft draft) {
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (draft.name() == null || draft.name().isBlank() || draft.name().strip().length() > 200) {
      problems.add(new FieldProblem("name", "satisfaction.model.name.required"));
    }
    problems.addAll(ModelValidation.problems(draft.spec()));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
