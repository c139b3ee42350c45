package org.manyi.satisfaction.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.JobCancelledException;
import org.manyi.platform.JobContext;
import org.manyi.platform.JobStatus;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.pls.DataTable;
import org.manyi.pls.PlsEstimator;
import org.manyi.pls.PlsModel;
import org.manyi.surveys.SurveyData;
import org.manyi.surveys.SurveyId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs stored models on uploaded data as background jobs, and estimate requests too large to answer
 * while the caller waits.
 */
@Service
public class ModelRuns {

  /** The job type of a model run; the job page names it through {@code job.type.<type>}. */
  public static final String JOB_TYPE = "satisfaction-run";

  /** The job type of a large estimate request. */
  public static final String ESTIMATE_JOB_TYPE = "satisfaction-estimate";

  /** How often a bootstrap asks the database whether its owner cancelled it. */
  private static final long CANCEL_CHECK_NANOS = 250_000_000L;

  /** What a run's job stores as its result. */
  public record RunOutcome(UUID runId, UUID modelId, EstimateResult estimate) {}

  private final SatisfactionModels models;
  private final ModelRunRepository runs;
  private final Estimation estimation;
  private final Jobs jobs;
  private final SurveyData surveys;
  private final Respondents respondents;
  private final Clock clock = Clock.systemUTC();

  ModelRuns(
      SatisfactionModels models,
      ModelRunRepository runs,
      Estimation estimation,
      Jobs jobs,
      SurveyData surveys,
      Respondents respondents) {
    this.models = models;
    this.runs = runs;
    this.estimation = estimation;
    this.jobs = jobs;
    this.surveys = surveys;
    this.respondents = respondents;
  }

  /**
   * Runs a model on a survey's answers selected by period and customer segment; the run stores the
   * selected answers and the filter, so it stays reproducible when more answers arrive.
   *
   * @throws ProblemException 404 for an unknown model or survey; 400 on {@code segment} for an
   *     unknown segment, on {@code surveyId} when no response matches, on {@code data} when the
   *     answers lack a model item
   */
  @Transactional
  public ModelRun startFromSurvey(
      DataFilter filter, UUID modelId, RunSettings settings, String by) {
    SatisfactionModel model = models.get(modelId);
    SurveyId survey = new SurveyId(filter.surveyId());
    String csv =
        filter.segmented()
            ? surveys.itemScoresCsv(
                survey, filter.from(), filter.to(), respondents.matching(filter))
            : surveys.itemScoresCsv(survey, filter.from(), filter.to());
    if (csv.indexOf('\n') < 0 || csv.indexOf('\n') == csv.length() - 1) {
      throw ProblemException.invalid("surveyId", "satisfaction.filter.noResponses");
    }
    return start(
        model,
        tagged(model.spec(), csv, surveys.constructItems(survey)),
        csv.getBytes(StandardCharsets.UTF_8),
        filter.fileName(),
        filter,
        settings,
        by);
  }

  /**
   * The model as it fits the survey: a construct some of whose items the survey does not ask takes
   * the survey's questions tagged with the construct's name instead, so a survey written without
   * the model's item keys can still feed it. The run keeps this copy of the spec.
   */
  static ModelSpec tagged(ModelSpec spec, String csv, Map<String, List<String>> tags) {
    int end = csv.indexOf('\n');
    java.util.Set<String> columns =
        java.util.Set.of((end < 0 ? csv : csv.substring(0, end)).split(","));
    List<ConstructSpec> constructs = new java.util.ArrayList<>();
    for (ConstructSpec c : spec.constructs()) {
      List<String> tagged = tags.getOrDefault(c.name(), List.of());
      boolean complete = columns.containsAll(c.items());
      constructs.add(
          complete || tagged.isEmpty() ? c : new ConstructSpec(c.name(), tagged, c.mode()));
    }
    return new ModelSpec(
        constructs,
        spec.paths(),
        spec.scheme(),
        spec.scaling(),
        spec.scaleMin(),
        spec.scaleMax(),
        spec.target());
  }

  /**
   * Checks the upload against the model's current version, stores the run and starts its job.
   *
   * @param fileName the uploaded file's name, for the record
   * @throws ProblemException 404 for an unknown model; 400 on {@code data} when the file is
   *     unreadable or lacks an item, on {@code bootstrap} when the number of resamples is out of
   *     range
   */
  @Transactional
  public ModelRun start(
      UUID modelId,
      byte @Nullable [] data,
      @Nullable String fileName,
      RunSettings settings,
      String by) {
    SatisfactionModel model = models.get(modelId);
    return start(model, model.spec(), data, fileName, null, settings, by);
  }

  private ModelRun start(
      SatisfactionModel model,
      ModelSpec spec,
      byte @Nullable [] data,
      @Nullable String fileName,
      @Nullable DataFilter filter,
      RunSettings settings,
      String by) {
    if (settings.bootstrap() < 0 || settings.bootstrap() > RunSettings.MAX_BOOTSTRAP) {
      throw ProblemException.invalid(
          "bootstrap", "satisfaction.settings.bootstrap.range", RunSettings.MAX_BOOTSTRAP);
    }
    DataTable table = estimation.read(data, "data");
    estimation.requireItems(spec, table, "data");
    return launch(
        model.id(),
        model.version(),
        model.name(),
        spec,
        settings,
        data,
        fileName == null || fileName.isBlank() ? "data.csv" : fileName,
        filter,
        table,
        by);
  }

  /**
   * Stores a run estimated while the caller waits, for work that is already in the background (the
   * demo data job).
   */
  @Transactional
  ModelRun runNow(
      SatisfactionModel model, byte[] data, String fileName, RunSettings settings, String by) {
    DataTable table = estimation.read(data, "data");
    EstimateResult result =
        estimation.estimate(
            model.spec(), settings, table, PlsEstimator.ProgressListener.NONE, () -> false);
    ModelRun run =
        new ModelRun(
            UUID.randomUUID(),
            model.id(),
            model.version(),
            model.name(),
            model.spec(),
            settings,
            new DataDescription(
                fileName, table.rowCount(), table.columns().size(), sha256(data), null),
            null,
            RunStatus.RUNNING,
            null,
            null,
            by,
            clock.instant(),
            null);
    runs.insert(run, data);
    runs.succeed(run.id(), result, clock.instant());
    return get(run.id());
  }

  /**
   * Runs a past run again exactly: the same spec copy, settings and data, whatever the model's
   * current version, so its figures can be checked.
   *
   * @throws ProblemException 404 when the run does not exist or belongs to another model
   */
  @Transactional
  public ModelRun repeat(UUID modelId, UUID runId, String by) {
    ModelRun original = get(modelId, runId);
    byte[] data = data(runId).getBytes(StandardCharsets.UTF_8);
    DataTable table = estimation.read(data, "data");
    return launch(
        original.modelId(),
        original.modelVersion(),
        original.modelName(),
        original.spec(),
        original.settings(),
        data,
        original.data().name(),
        original.data().filter(),
        table,
        by);
  }

  private ModelRun launch(
      UUID modelId,
      int modelVersion,
      String modelName,
      ModelSpec spec,
      RunSettings settings,
      byte[] data,
      String fileName,
      @Nullable DataFilter filter,
      DataTable table,
      String by) {
    ModelRun run =
        new ModelRun(
            UUID.randomUUID(),
            modelId,
            modelVersion,
            modelName,
            spec,
            settings,
            new DataDescription(
                fileName, table.rowCount(), table.columns().size(), sha256(data), filter),
            null,
            RunStatus.RUNNING,
            null,
            null,
            by,
            clock.instant(),
            null);
    runs.insert(run, data);
    UUID jobId = jobs.submit(JOB_TYPE, by, job -> execute(run, table, job));
    runs.attachJob(run.id(), jobId);
    return withJob(run, jobId);
  }

  /**
   * Estimates a request in the background; the job's result is the {@link EstimateResult}.
   *
   * @return the job's id
   */
  public UUID submitEstimate(PlsModel model, DataTable data, boolean scaleInferred, String by) {
    return jobs.submit(
        ESTIMATE_JOB_TYPE,
        by,
        job -> {
          job.total(Math.max(1, model.bootstrap()));
          try {
            EstimateResult result =
                estimation.estimate(
                    model, data, (done, total) -> job.processed(done), cancelChecks(job));
            job.result(scaleInferred ? result.withInferredScale() : result);
          } catch (CancellationException e) {
            throw new JobCancelledException();
          }
        });
  }

  /**
   * @throws ProblemException 404 when the run does not exist or belongs to another model
   */
  public ModelRun get(UUID modelId, UUID runId) {
    return runs.find(runId)
        .map(this::reconcile)
        .filter(run -> run.modelId().equals(modelId))
        .orElseThrow(() -> ProblemException.notFound("satisfaction.run.notFound"));
  }

  /**
   * @throws ProblemException 404 when the run does not exist
   */
  public ModelRun get(UUID runId) {
    return runs.find(runId)
        .map(this::reconcile)
        .orElseThrow(() -> ProblemException.notFound("satisfaction.run.notFound"));
  }

  /** Newest first. */
  public List<ModelRun> forModel(UUID modelId, int limit) {
    models.get(modelId);
    return runs.forModel(modelId, limit).stream().map(this::reconcile).toList();
  }

  /** The data a run was estimated on, byte for byte as uploaded (UTF-8). */
  public String data(UUID runId) {
    return runs.data(runId)
        .orElseThrow(() -> ProblemException.notFound("satisfaction.run.notFound"));
  }

  private void execute(ModelRun run, DataTable table, JobContext job) {
    job.total(Math.max(1, run.settings().bootstrap()));
    try {
      EstimateResult result =
          estimation.estimate(
              run.spec(),
              run.settings(),
              table,
              (done, total) -> job.processed(done),
              cancelChecks(job));
      runs.succeed(run.id(), result, clock.instant());
      job.processed(Math.max(1, run.settings().bootstrap()));
      job.result(new RunOutcome(run.id(), run.modelId(), result));
    } catch (CancellationException | JobCancelledException e) {
      runs.finish(run.id(), RunStatus.CANCELLED, null, clock.instant());
      throw new JobCancelledException();
    } catch (RuntimeException e) {
      runs.finish(run.id(), RunStatus.FAILED, truncate(e.getMessage()), clock.instant());
      throw e;
    }
  }

  /** Cancellation costs a query, so a bootstrap looks at most four times a second. */
  private static BooleanSupplier cancelChecks(JobContext job) {
    long[] last = {System.nanoTime()};
    return () -> {
      long now = System.nanoTime();
      if (now - last[0] < CANCEL_CHECK_NANOS) {
        return false;
      }
      last[0] = now;
      return job.cancelRequested();
    };
  }

  /**
   * A run whose job died with the process (a restart) would show RUNNING forever; the job knows
   * better.
   */
  private ModelRun reconcile(ModelRun run) {
    if (run.status().finished() || run.jobId() == null) {
      return run;
    }
    return jobs.find(run.jobId())
        .filter(job -> job.status().finished())
        .map(
            job ->
                withStatus(
                    run,
                    job.status() == JobStatus.CANCELLED ? RunStatus.CANCELLED : RunStatus.FAILED,
                    job.error()))
        .orElse(run);
  }

  private static ModelRun withStatus(ModelRun run, RunStatus status, @Nullable String error) {
    return new ModelRun(
        run.id(),
        run.modelId(),
        run.modelVersion(),
        run.modelName(),
        run.spec(),
        run.settings(),
        run.data(),
        run.jobId(),
        status,
        run.result(),
        error,
        run.createdBy(),
        run.createdAt(),
        run.finishedAt());
  }

  private static ModelRun withJob(ModelRun run, UUID jobId) {
    return new ModelRun(
        run.id(),
        run.modelId(),
        run.modelVersion(),
        run.modelName(),
        run.spec(),
        run.settings(),
        run.data(),
        jobId,
        run.status(),
        run.result(),
        run.error(),
        run.createdBy(),
        run.createdAt(),
        run.finishedAt());
  }

  private static @Nullable String truncate(@Nullable String message) {
    return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
