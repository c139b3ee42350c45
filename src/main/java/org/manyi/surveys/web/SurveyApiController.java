package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.SurveyStatus;
import org.manyi.surveys.internal.Question;
import org.manyi.surveys.internal.Survey;
import org.manyi.surveys.internal.SurveyManagement;
import org.manyi.surveys.internal.SurveyTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Surveys, their questions and links")
class SurveyApiController {

  /** A survey to create, from questions or from a ready template. */
  record NewSurvey(
      @NotBlank(message = "{survey.name.required}")
          @Size(max = 200, message = "{survey.name.required}")
          String name,
      @Nullable List<Question> questions,
      @Nullable SurveyTemplate template) {}

  /** Changes; absent fields stay. Questions of an answered version start a new version. */
  record SurveyPatch(
      @Nullable @Size(min = 1, max = 200, message = "{survey.name.required}") String name,
      @Nullable SurveyStatus status,
      @Nullable List<Question> questions) {}

  /** A survey as the API shows it. */
  record SurveyResource(
      UUID id,
      String name,
      SurveyStatus status,
      int version,
      List<Question> questions,
      String url,
      long responses,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  private final SurveyManagement surveys;

  SurveyApiController(SurveyManagement surveys) {
    this.surveys = surveys;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  @Operation(summary = "Create a draft survey (201), from questions or a template")
  ResponseEntity<SurveyResource> create(@Valid @RequestBody NewSurvey request, Authentication who) {
    Survey survey =
        request.template() != null && (request.questions() == null || request.questions().isEmpty())
            ? surveys.createFromTemplate(request.template(), request.name(), who.getName())
            : surveys.create(
                request.name(),
                request.questions() == null ? List.of() : request.questions(),
                who.getName());
    return ResponseEntity.created(URI.create("/api/v1/surveys/" + survey.id()))
        .body(resource(survey));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
  @Operation(summary = "Surveys, newest change first, paged")
  PageResult<SurveyResource> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) SurveyStatus status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return surveys.list(q, status, PageRequest.of(page, size)).map(this::resource);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
  @Operation(summary = "One survey with its current questions and its public link")
  SurveyResource one(@PathVariable UUID id) {
    return resource(surveys.get(new SurveyId(id)));
  }

  @PatchMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  @Operation(
      summary = "Rename, change questions, or move between DRAFT, ACTIVE and CLOSED",
      description = "An illegal status change answers 409.")
  SurveyResource change(@PathVariable UUID id, @Valid @RequestBody SurveyPatch patch) {
    return resource(
        surveys.change(
            new SurveyId(id),
            new SurveyManagement.SurveyChanges(patch.name(), patch.status(), patch.questions())));
  }

  private SurveyResource resource(Survey survey) {
    return new SurveyResource(
        survey.id().value(),
        survey.name(),
        survey.status(),
        survey.version(),
        survey.questions(),
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/s/{token}")
            .buildAndExpand(survey.anonymousToken())
            .toUriString(),
        surveys.responses(survey.id()),
        survey.createdBy(),
        survey.createdAt(),
        survey.updatedAt());
  }
}
