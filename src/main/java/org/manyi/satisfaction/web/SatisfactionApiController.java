package org.manyi.satisfaction.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.pls.DataTable;
import org.manyi.pls.GapResult;
import org.manyi.pls.KanoResult;
import org.manyi.pls.PlsModel;
import org.manyi.satisfaction.internal.DataFilter;
import org.manyi.satisfaction.internal.EstimateResult;
import org.manyi.satisfaction.internal.EstimateSpec;
import org.manyi.satisfaction.internal.Estimation;
import org.manyi.satisfaction.internal.ModelRun;
import org.manyi.satisfaction.internal.ModelRuns;
import org.manyi.satisfaction.internal.RunExport;
import org.manyi.satisfaction.internal.RunPdf;
import org.manyi.satisfaction.internal.RunSettings;
import org.manyi.satisfaction.internal.SatisfactionModel;
import org.manyi.satisfaction.internal.SatisfactionModels;
import org.manyi.satisfaction.internal.SurveyAnalyses;
import org.manyi.satisfaction.web.ModelResources.Accepted;
import org.manyi.satisfaction.web.ModelResources.ModelRequest;
import org.manyi.satisfaction.web.ModelResources.ModelResource;
import org.manyi.satisfaction.web.ModelResources.RunResource;
import org.manyi.satisfaction.web.ModelResources.RunSummaryResource;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/satisfaction-models")
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
@Tag(
    name = "Satisfaction models",
    description =
        "PLS path models (ACSI, ECSI, CCSI-style, custom): ad-hoc estimates, stored models, runs"
            + " as background jobs, Kano and expectation gaps")
class SatisfactionApiController {

  private final Estimation estimation;
  private final SatisfactionModels models;
  private final ModelRuns runs;
  private final RunExport export;
  private final RunPdf pdf;
  private final JsonMapper json;

  SatisfactionApiController(
      Estimation estimation,
      SatisfactionModels models,
      ModelRuns runs,
      RunExport export,
      RunPdf pdf,
      JsonMapper json) {
    this.estimation = estimation;
    this.models = models;
    this.runs = runs;
    this.export = export;
    this.pdf = pdf;
    this.json = json;
  }

  @PostMapping(path = "/estimate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Estimate a model on a CSV upload",
      description =
          "Multipart: `data` = CSV with a header row, `spec` = JSON (file part or form field)."
              + " Answers 200 with the estimate when resamples × rows is at most 200,000;"
              + " larger bootstrap runs answer 202 with a job id, and the job's result holds"
              + " the estimate (GET /api/v1/jobs/{id}).")
  ResponseEntity<?> estimate(MultipartHttpServletRequest request, CurrentUser me)
      throws IOException {
    byte[] specBytes = part(request, "spec");
    EstimateSpec spec =
        parseSpec(specBytes == null ? null : new String(specBytes, StandardCharsets.UTF_8));
    DataTable data = estimation.read(part(request, "data"), "data");
    PlsModel model = estimation.model(spec, data);
    boolean scaleInferred = spec.scale() == null;
    if ((long) model.bootstrap() * data.rowCount() > Estimation.SYNCHRONOUS_BOOTSTRAP_ROWS) {
      UUID jobId = runs.submitEstimate(model, data, scaleInferred, me.username());
      return ResponseEntity.accepted()
          .location(URI.create("/api/v1/jobs/" + jobId))
          .body(new Accepted(jobId, null));
    }
    EstimateResult result = estimation.estimate(model, scaleInferred, data);
    return ResponseEntity.ok(result);
  }

  @GetMapping
  @Operation(summary = "Stored models, ready ones first; search by name")
  PageResult<ModelResource> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return models.list(q, PageRequest.of(page, size)).map(ModelResources::resource);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_MODELS_MANAGE')")
  @Operation(summary = "Create a model (201); 400 names every invalid field")
  ResponseEntity<ModelResource> create(@RequestBody ModelRequest request, CurrentUser me) {
    SatisfactionModel model = models.create(request.draft(), me.username());
    return ResponseEntity.created(URI.create("/api/v1/satisfaction-models/" + model.id()))
        .body(ModelResources.resource(model));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One model")
  ModelResource one(@PathVariable UUID id) {
    return ModelResources.resource(models.get(id));
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_MODELS_MANAGE')")
  @Operation(summary = "Replace a model's definition; its version goes up by one")
  ModelResource replace(@PathVariable UUID id, @RequestBody ModelRequest request) {
    return ModelResources.resource(models.revise(id, request.draft()));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_MODELS_MANAGE')")
  @Operation(summary = "Delete a model and its runs")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    models.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(
      path = "/{id}/runs",
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  @Operation(
      summary = "Run a model on a CSV upload or a survey's answers as a background job (202)",
      description =
          "Multipart `data` = CSV, or `surveyId` with optional `from`, `to` (ISO dates, Shanghai"
              + " days, inclusive) and a customer segment: `stages` (lifecycle stages, repeatable),"
              + " `city`, `segment` (an RFM segment such as CHAMPIONS); a segment leaves anonymous"
              + " responses out. Optional `bootstrap` (default 500, at most 5000), `seed`,"
              + " `tolerance`, `maxIterations`. Follow the job at /api/v1/jobs/{jobId}; the run"
              + " keeps the model version, settings, data and filter.")
  ResponseEntity<Accepted> run(
      @PathVariable UUID id,
      @RequestPart(name = "data", required = false) @Nullable MultipartFile data,
      @RequestParam(required = false) @Nullable Integer bootstrap,
      @RequestParam(required = false) @Nullable Long seed,
      @RequestParam(required = false) @Nullable Double tolerance,
      @RequestParam(required = false) @Nullable Integer maxIterations,
      @RequestParam(required = false) @Nullable UUID surveyId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable Set<LifecycleStage> stages,
      @RequestParam(required = false) @Nullable String city,
      @RequestParam(required = false) @Nullable String segment,
      CurrentUser me)
      throws IOException {
    RunSettings settings = settings(bootstrap, seed, tolerance, maxIterations);
    boolean upload = data != null && !data.isEmpty();
    if (!upload
        && surveyId == null
        && ((stages != null && !stages.isEmpty()) || city != null || segment != null)) {
      throw ProblemException.invalid("surveyId", "satisfaction.filter.surveyRequired");
    }
    ModelRun run =
        upload || surveyId == null
            ? runs.start(
                id,
                data == null ? null : data.getBytes(),
                data == null ? null : data.getOriginalFilename(),
                settings,
                me.username())
            : runs.startFromSurvey(
                new DataFilter(surveyId, from, to, stages, city, segment),
                id,
                settings,
                me.username());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/satisfaction-models/" + id + "/runs/" + run.id()))
        .body(new Accepted(run.jobId(), run.id()));
  }

  @GetMapping("/{id}/runs")
  @Operation(summary = "A model's runs, newest first (at most 100)")
  List<RunSummaryResource> runs(@PathVariable UUID id) {
    return runs.forModel(id, 100).stream().map(ModelResources::summary).toList();
  }

  @GetMapping("/{id}/runs/{runId}")
  @Operation(summary = "One run with its estimate and driver analysis")
  RunResource run(@PathVariable UUID id, @PathVariable UUID runId) {
    return ModelResources.resource(runs.get(id, runId));
  }

  @PostMapping("/{id}/runs/{runId}/repeat")
  @Operation(
      summary = "Run a past run again (202)",
      description =
          "Same model spec copy, settings and data as the original, whatever the model's current"
              + " version: the figures must come out identical.")
  ResponseEntity<Accepted> repeat(@PathVariable UUID id, @PathVariable UUID runId, CurrentUser me) {
    ModelRun run = runs.repeat(id, runId, me.username());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/satisfaction-models/" + id + "/runs/" + run.id()))
        .body(new Accepted(run.jobId(), run.id()));
  }

  @GetMapping(path = "/{id}/runs/{runId}/data.csv", produces = "text/csv")
  @Operation(summary = "The data a run was estimated on")
  ResponseEntity<String> runData(@PathVariable UUID id, @PathVariable UUID runId) {
    ModelRun run = runs.get(id, runId);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + run.data().name() + "\"")
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .body(runs.data(runId));
  }

  @GetMapping("/{id}/runs/{runId}/export.xlsx")
  @Operation(summary = "A succeeded run's figures as an Excel workbook")
  ResponseEntity<byte[]> exportRun(@PathVariable UUID id, @PathVariable UUID runId, Locale locale) {
    ModelRun run = runs.get(id, runId);
    return xlsx(export.xlsx(run, locale), run);
  }

  @GetMapping("/{id}/runs/{runId}/export.pdf")
  @Operation(
      summary = "A succeeded run as a PDF report in the request's language",
      description =
          "The Chinese font is embedded (subset). 409 while the run has no result; 503"
              + " `pdf-font-missing` when the server has no font with Chinese characters.")
  ResponseEntity<byte[]> exportPdf(@PathVariable UUID id, @PathVariable UUID runId, Locale locale) {
    ModelRun run = runs.get(id, runId);
    return pdf(pdf.pdf(run, locale), run);
  }

  @PostMapping(path = "/kano", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Kano classification",
      description =
          "Body {\"answers\":{\"attribute\":[[functional, dysfunctional], ...]}}, answers coded"
              + " 1 like, 2 must-be, 3 neutral, 4 live with, 5 dislike.")
  List<KanoResult> kano(@RequestBody SurveyAnalyses.KanoRequest request) {
    return SurveyAnalyses.kano(request);
  }

  @PostMapping(path = "/gaps", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Expectation–disconfirmation gaps, worst first",
      description =
          "Body {\"attributes\":{\"attribute\":{\"expected\":[...],\"perceived\":[...]}}};"
              + " null marks a missing answer.")
  List<GapResult> gaps(@RequestBody SurveyAnalyses.GapRequest request) {
    return SurveyAnalyses.gaps(request);
  }

  static ResponseEntity<byte[]> xlsx(byte[] bytes, ModelRun run) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"satisfaction-run-" + run.id() + ".xlsx\"")
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(bytes);
  }

  static ResponseEntity<byte[]> pdf(byte[] bytes, ModelRun run) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"satisfaction-run-" + run.id() + ".pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(bytes);
  }

  static RunSettings settings(
      @Nullable Integer bootstrap,
      @Nullable Long seed,
      @Nullable Double tolerance,
      @Nullable Integer maxIterations) {
    RunSettings defaults = RunSettings.defaults();
    double tol = tolerance == null ? defaults.tolerance() : tolerance;
    if (!(tol > 0) || !Double.isFinite(tol)) {
      throw ProblemException.invalid("tolerance", "satisfaction.settings.tolerance.invalid");
    }
    int iterations = maxIterations == null ? defaults.maxIterations() : maxIterations;
    if (iterations < 1 || iterations > 10_000) {
      throw ProblemException.invalid(
          "maxIterations", "satisfaction.settings.maxIterations.invalid");
    }
    return new RunSettings(
        tol,
        iterations,
        bootstrap == null ? defaults.bootstrap() : bootstrap,
        seed == null ? defaults.seed() : seed);
  }

  private EstimateSpec parseSpec(@Nullable String text) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid("spec", "satisfaction.spec.required");
    }
    try {
      return json.readValue(text, EstimateSpec.class);
    } catch (JacksonException e) {
      throw ProblemException.invalid(path(e), "satisfaction.spec.unreadable");
    }
  }

  /** The JSON path of a parsing error, below {@code spec}. */
  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder("spec");
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append('.').append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** A part sent as a file or as a plain form field, as curl -F does either way. */
  private static byte @Nullable [] part(MultipartHttpServletRequest request, String name)
      throws IOException {
    MultipartFile file = request.getFile(name);
    if (file != null && !file.isEmpty()) {
      return file.getBytes();
    }
    String field = request.getParameter(name);
    return field == null ? null : field.getBytes(StandardCharsets.UTF_8);
  }
}
