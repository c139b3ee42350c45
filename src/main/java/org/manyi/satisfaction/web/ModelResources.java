package org.manyi.satisfaction.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.pls.Mode;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;
import org.manyi.satisfaction.internal.ConstructSpec;
import org.manyi.satisfaction.internal.DataDescription;
import org.manyi.satisfaction.internal.DriverAnalysis;
import org.manyi.satisfaction.internal.EstimateResult;
import org.manyi.satisfaction.internal.ModelRun;
import org.manyi.satisfaction.internal.ModelSpec;
import org.manyi.satisfaction.internal.RunSettings;
import org.manyi.satisfaction.internal.RunStatus;
import org.manyi.satisfaction.internal.SatisfactionModel;
import org.manyi.satisfaction.internal.SatisfactionModels;

/** The JSON shapes of models and runs, and their mapping from the domain. */
final class ModelResources {

  private ModelResources() {}

  /** A model to create or the new version of one; absent settings take their defaults. */
  record ModelRequest(
      @Nullable String name,
      @Nullable String description,
      @Nullable List<@Nullable ConstructRequest> constructs,
      @Nullable List<@Nullable List<@Nullable String>> paths,
      @Nullable Scheme scheme,
      @Nullable Scaling scaling,
      @Nullable Double scaleMin,
      @Nullable Double scaleMax,
      @Nullable String target) {

    /** The draft to validate; nulls become empty so that validation names them. */
    SatisfactionModels.Draft draft() {
      List<ConstructSpec> specs = new ArrayList<>();
      if (constructs != null) {
        for (ConstructRequest c : constructs) {
          if (c == null) {
            specs.add(new ConstructSpec("", List.of(), Mode.A));
            continue;
          }
          List<String> items =
              c.items() == null
                  ? List.of()
                  : c.items().stream().map(i -> i == null ? "" : i.strip()).toList();
          specs.add(
              new ConstructSpec(
                  c.name() == null ? "" : c.name().strip(),
                  items,
                  c.mode() == null ? Mode.A : c.mode()));
        }
      }
      List<List<String>> pathList = new ArrayList<>();
      if (paths != null) {
        for (List<String> path : paths) {
          pathList.add(
              path == null ? List.of() : path.stream().map(e -> e == null ? "" : e).toList());
        }
      }
      return new SatisfactionModels.Draft(
          name == null ? "" : name,
          description,
          new ModelSpec(
              specs,
              pathList,
              scheme == null ? Scheme.PATH : scheme,
              scaling == null ? Scaling.STANDARDIZED : scaling,
              scaleMin == null ? 1 : scaleMin,
              scaleMax == null ? 10 : scaleMax,
              target == null || target.isBlank() ? null : target.strip()));
    }
  }

  /** A construct in a request; mode A when absent. */
  record ConstructRequest(
      @Nullable String name, @Nullable List<@Nullable String> items, @Nullable Mode mode) {}

  /** A stored model. {@code template} names the ready model it came from, null when custom. */
  record ModelResource(
      UUID id,
      String name,
      @Nullable String description,
      @Nullable String template,
      int version,
      List<ConstructSpec> constructs,
      List<List<String>> paths,
      Scheme scheme,
      Scaling scaling,
      double scaleMin,
      double scaleMax,
      @Nullable String target,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  /** A run as listed: no figures. */
  record RunSummaryResource(
      UUID id,
      UUID modelId,
      int modelVersion,
      RunStatus status,
      @Nullable UUID jobId,
      DataDescription data,
      RunSettings settings,
      @Nullable Integer n,
      String createdBy,
      Instant createdAt,
      @Nullable Instant finishedAt) {}

  /** A run with its spec copy, settings, estimate and drivers of the model's target. */
  record RunResource(
      UUID id,
      UUID modelId,
      int modelVersion,
      String modelName,
      RunStatus status,
      @Nullable UUID jobId,
      DataDescription data,
      RunSettings settings,
      ModelSpec spec,
      @Nullable EstimateResult result,
      List<DriverAnalysis.Driver> drivers,
      List<DriverAnalysis.ItemDriver> itemDrivers,
      @Nullable String error,
      String createdBy,
      Instant createdAt,
      @Nullable Instant finishedAt) {}

  /** The answer to a request that continues in the background. */
  record Accepted(UUID jobId, @Nullable UUID runId) {}

  static ModelResource resource(SatisfactionModel m) {
    ModelSpec s = m.spec();
    return new ModelResource(
        m.id(),
        m.name(),
        m.description(),
        m.template(),
        m.version(),
        s.constructs(),
        s.paths(),
        s.scheme(),
        s.scaling(),
        s.scaleMin(),
        s.scaleMax(),
        s.target(),
        m.createdBy(),
        m.createdAt(),
        m.updatedAt());
  }

  static RunSummaryResource summary(ModelRun r) {
    return new RunSummaryResource(
        r.id(),
        r.modelId(),
        r.modelVersion(),
        r.status(),
        r.jobId(),
        r.data(),
        r.settings(),
        r.result() == null ? null : r.result().n(),
        r.createdBy(),
        r.createdAt(),
        r.finishedAt());
  }

  static RunResource resource(ModelRun r) {
    String target = r.spec().target();
    List<DriverAnalysis.Driver> drivers =
        r.result() == null || target == null
            ? List.of()
            : DriverAnalysis.drivers(r.result(), target);
    List<DriverAnalysis.ItemDriver> itemDrivers =
        r.result() == null || target == null
            ? List.of()
            : DriverAnalysis.items(r.result(), r.spec(), target);
    return new RunResource(
        r.id(),
        r.modelId(),
        r.modelVersion(),
        r.modelName(),
        r.status(),
        r.jobId(),
        r.data(),
        r.settings(),
        r.spec(),
        r.result(),
        drivers,
        itemDrivers,
        r.error(),
        r.createdBy(),
        r.createdAt(),
        r.finishedAt());
  }
}
