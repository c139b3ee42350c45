package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.ResponseImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports of historical survey responses through the API. */
@RestController
@PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
@Tag(name = "Imports")
class ResponseImportApiController {

  /** Answer of a started import. */
  record ImportStarted(UUID jobId) {}

  private final ResponseImport imports;

  ResponseImportApiController(ResponseImport imports) {
    this.imports = imports;
  }

  @PostMapping(
      value = "/api/v1/imports/survey-responses",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Import historical responses (CSV or XLSX) as a job; 202 with the job id",
      description =
          "Header row: question keys of the survey, `date` (ISO date or date-time) and optionally"
              + " `channel` and `customer` (external ID or phone). Rejected rows are listed with"
              + " line and reason in the job's result.")
  ResponseEntity<ImportStarted> api(
      @RequestParam UUID surveyId, @RequestParam MultipartFile file, Authentication who)
      throws IOException {
    UUID job =
        imports.start(new SurveyId(surveyId), ResponseImportController.stream(file), who.getName());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/jobs/" + job))
        .body(new ImportStarted(job));
  }
}
