package org.manyi.satisfaction.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.platform.ProblemException.FieldProblem;
import org.manyi.pls.BootstrapEstimate;
import org.manyi.pls.BootstrapSummary;
import org.manyi.pls.DataTable;
import org.manyi.pls.InvalidModelException;
import org.manyi.pls.Mode;
import org.manyi.pls.NumericCsv;
import org.manyi.pls.PathCoefficient;
import org.manyi.pls.PlsEstimator;
import org.manyi.pls.PlsModel;
import org.manyi.pls.PlsResult;
import org.manyi.pls.ScaleRange;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;
import org.springframework.stereotype.Service;

/**
 * Turns requests and uploads into engine calls and engine results into {@link EstimateResult}s.
 * Everything a caller can get wrong becomes a 400 naming the field; the engine's own refusals
 * ({@link InvalidModelException}) are mapped onto the same fields.
 */
@Service
public class Estimation {

  /**
   * Synchronous requests may cost at most this many resampled rows (resamples × cases); beyond it
   * the estimate endpoint hands the work to a background job so no request thread is held for long.
   * On the benchmark machine 200,000 resampled rows take about two seconds.
   */
  public static final long SYNCHRONOUS_BOOTSTRAP_ROWS = 200_000;

  private static final String SCALE_FIELD = "spec.scale";

  private final PlsEstimator estimator = new PlsEstimator();

  /**
   * Reads an uploaded CSV (UTF-8, header row).
   *
   * @throws ProblemException 400 on {@code field} when the file is empty or malformed
   */
  public DataTable read(byte @Nullable [] csv, String field) {
    if (csv == null || csv.length == 0) {
      throw ProblemException.invalid(field, "satisfaction.data.required");
    }
    DataTable table;
    // the CSV reader asks for one character at a time: buffer, or large uploads crawl
    try (Reader reader =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
            1 << 16)) {
      table = NumericCsv.read(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw ProblemException.invalid(field, "satisfaction.data.unreadable", e.getMessage());
    }
    if (table.rowCount() == 0) {
      throw ProblemException.invalid(field, "satisfaction.data.noRows");
    }
    return table;
  }

  /**
   * The engine model for an estimate request, checked against the data.
   *
   * @throws ProblemException 400 naming {@code spec.<member>} or {@code data}
   */
  public PlsModel model(EstimateSpec spec, DataTable data) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    if (spec.blocks() == null || spec.blocks().isEmpty()) {
      problems.add(new FieldProblem("spec.blocks", "satisfaction.spec.blocks.required"));
    } else {
      spec.blocks()
          .forEach(
              (construct, items) -> {
                if (items == null
                    || items.isEmpty()
                    || items.stream().anyMatch(i -> i == null || i.isBlank())) {
                  problems.add(
                      new FieldProblem(
                          "spec.blocks." + construct,
                          "satisfaction.model.construct.items.required",
                          construct));
                } else {
                  blocks.put(construct, items.stream().map(String::strip).toList());
                }
              });
    }
    List<List<String>> paths = new ArrayList<>();
    if (spec.paths() == null || spec.paths().isEmpty()) {
      problems.add(new FieldProblem("spec.paths", "satisfaction.model.paths.required"));
    } else {
      for (int k = 0; k < spec.paths().size(); k++) {
        List<String> path = spec.paths().get(k);
        if (path == null || path.size() != 2 || path.contains(null)) {
          problems.add(new FieldProblem("spec.paths[" + k + "]", "satisfaction.model.path.pair"));
        } else {
          paths.add(List.copyOf(path));
        }
      }
    }
    RunSettings defaults = RunSettings.defaults();
    int bootstrap = spec.bootstrap() == null ? 0 : spec.bootstrap();
    if (bootstrap < 0 || bootstrap > RunSettings.MAX_BOOTSTRAP) {
      problems.add(
          new FieldProblem(
              "spec.bootstrap",
              "satisfaction.settings.bootstrap.range",
              RunSettings.MAX_BOOTSTRAP));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    problems.addAll(
        dataProblems(blocks, data, item -> "spec.blocks." + ownerOf(blocks, item), "data"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ScaleRange scale = scale(spec.scale(), blocks, data);
    try {
      return new PlsModel(
          blocks,
          spec.modes() == null ? Map.<String, Mode>of() : spec.modes(),
          paths,
          spec.scheme() == null ? Scheme.PATH : spec.scheme(),
          spec.scaling() == null ? Scaling.STANDARDIZED : spec.scaling(),
          spec.tolerance() == null ? defaults.tolerance() : spec.tolerance(),
          spec.maxIterations() == null ? defaults.maxIterations() : spec.maxIterations(),
          bootstrap,
          spec.seed() == null ? defaults.seed() : spec.seed(),
          scale,
          Map.of());
    } catch (InvalidModelException e) {
      throw specProblem(e, blocks, spec.modes());
    }
  }

  /** The estimate for a request: 400s as {@link #model}, engine refusals on the spec's fields. */
  public EstimateResult estimate(EstimateSpec spec, DataTable data) {
    return estimate(model(spec, data), spec.scale() == null, data);
  }

  /**
   * Estimates a model built by {@link #model} while the caller waits.
   *
   * @param scaleInferred whether the index scale came from the data rather than the request
   */
  public EstimateResult estimate(PlsModel model, boolean scaleInferred, DataTable data) {
    try {
      EstimateResult result =
          estimate(model, data, PlsEstimator.ProgressListener.NONE, () -> false);
      return scaleInferred ? result.withInferredScale() : result;
    } catch (InvalidModelException e) {
      throw specProblem(e, model.blocks(), model.modes());
    }
  }

  /**
   * Estimates a stored model's structure with the given settings.
   *
   * @throws ProblemException 400 on {@code field} when the data lacks an item or holds text in one
   * @throws InvalidModelException when the engine cannot estimate on this data
   * @throws CancellationException when {@code cancelled} turns true during the bootstrap
   */
  EstimateResult estimate(
      ModelSpec spec,
      RunSettings settings,
      DataTable data,
      PlsEstimator.ProgressListener progress,
      BooleanSupplier cancelled) {
    requireItems(spec, data, "data");
    return estimate(spec.toPlsModel(settings), data, progress, cancelled);
  }

  /** 400 on {@code field} when {@code data} cannot feed {@code spec}. */
  void requireItems(ModelSpec spec, DataTable data, String field) {
    List<FieldProblem> problems = dataProblems(spec.blocks(), data, item -> field, field);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  EstimateResult estimate(
      PlsModel model,
      DataTable data,
      PlsEstimator.ProgressListener progress,
      BooleanSupplier cancelled) {
    long start = System.nanoTime();
    PlsResult result = estimator.estimate(model, data, progress, cancelled);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    return toResult(model, result, itemIndex(model, data), elapsed);
  }

  /** Text columns and missing items, the missing ones listed together per field. */
  private static List<FieldProblem> dataProblems(
      Map<String, List<String>> blocks,
      DataTable data,
      java.util.function.Function<String, String> missingField,
      String dataField) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (List<String> items : blocks.values()) {
      for (String item : items) {
        if (data.nonNumericColumns().contains(item)) {
          problems.add(new FieldProblem(dataField, "satisfaction.data.nonNumeric", item));
        } else if (data.column(item) == null) {
          missing.computeIfAbsent(missingField.apply(item), f -> new ArrayList<>()).add(item);
        }
      }
    }
    missing.forEach(
        (field, items) ->
            problems.add(
                new FieldProblem(
                    field, "satisfaction.data.itemMissing", String.join(", ", items))));
    return problems;
  }

  private static @Nullable ScaleRange scale(
      EstimateSpec.@Nullable Scale given, Map<String, List<String>> blocks, DataTable data) {
    if (given != null) {
      if (given.min() == null
          || given.max() == null
          || !Double.isFinite(given.min())
          || !Double.isFinite(given.max())
          || given.max() <= given.min()) {
        throw ProblemException.invalid(SCALE_FIELD, "satisfaction.model.scale.invalid");
      }
      return new ScaleRange(given.min(), given.max());
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (List<String> items : blocks.values()) {
      for (String item : items) {
        for (double v : data.column(item)) {
          if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    return Double.isFinite(min) && max > min ? new ScaleRange(min, max) : null;
  }

  private static String ownerOf(Map<String, List<String>> blocks, String item) {
    return blocks.entrySet().stream()
        .filter(b -> b.getValue().contains(item))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  private static final List<String> SETTINGS =
      List.of("blocks", "paths", "tolerance", "maxIterations", "bootstrap");

  /** The engine names the construct, item or setting at fault; point at its place in the spec. */
  static ProblemException specProblem(
      InvalidModelException e,
      Map<String, List<String>> blocks,
      @Nullable Map<String, Mode> modes) {
    String subject = e.subject();
    String field;
    if (blocks.containsKey(subject)) {
      field = "spec.blocks." + subject;
    } else if (blocks.values().stream().anyMatch(items -> items.contains(subject))) {
      field = "spec.blocks." + ownerOf(blocks, subject);
    } else if (modes != null && modes.containsKey(subject)) {
      field = "spec.modes." + subject;
    } else if (SETTINGS.contains(subject)) {
      field = "spec." + subject;
    } else {
      field = "spec.paths";
    }
    return ProblemException.invalid(field, "satisfaction.spec.invalid", e.getMessage());
  }

  /**
   * Item means over the cases the estimate used (complete on every model item), on 0–100: the
   * performance axis of the item-level importance–performance matrix.
   */
  private static Map<String, Double> itemIndex(PlsModel model, DataTable data) {
    ScaleRange scale = model.scale();
    Map<String, Double> result = new LinkedHashMap<>();
    if (scale == null) {
      return result;
    }
    List<double[]> columns = new ArrayList<>();
    List<String> items = new ArrayList<>();
    model.blocks().values().forEach(items::addAll);
    items.forEach(item -> columns.add(data.column(item)));
    double[] sums = new double[items.size()];
    int used = 0;
    for (int row = 0; row < data.rowCount(); row++) {
      boolean complete = true;
      for (double[] column : columns) {
        complete &= !Double.isNaN(column[row]);
      }
      if (complete) {
        used++;
        for (int i = 0; i < columns.size(); i++) {
          sums[i] += columns.get(i)[row];
        }
      }
    }
    if (used == 0) {
      return result;
    }
    for (int i = 0; i < items.size(); i++) {
      double mean = sums[i] / used;
      result.put(items.get(i), 100 * (mean - scale.min()) / (scale.max() - scale.min()));
    }
    return result;
  }

  static EstimateResult toResult(
      PlsModel model, PlsResult r, Map<String, Double> itemIndex, long elapsedMillis) {
    List<EstimateResult.PathResult> paths = new ArrayList<>();
    for (PathCoefficient p : r.pathCoefficients()) {
      paths.add(
          new EstimateResult.PathResult(
              p.from(),
              p.to(),
              p.estimate(),
              finite(p.standardError()),
              finite(p.ciLow()),
              finite(p.ciHigh())));
    }
    EstimateResult.BootstrapInfo bootstrap = null;
    BootstrapSummary b = r.bootstrap();
    if (b != null) {
      bootstrap =
          new EstimateResult.BootstrapInfo(
              b.resamples(),
              b.failed(),
              b.seed(),
              intervals(b.weights()),
              intervals(b.loadings()),
              intervals(b.index()));
    }
    ScaleRange scale = model.scale();
    return new EstimateResult(
        r.n(),
        r.casesDropped(),
        r.iterations(),
        r.converged(),
        List.copyOf(paths),
        r.outerWeights(),
        r.loadings(),
        r.crossLoadings(),
        r.rSquared(),
        r.effects(),
        r.index(),
        itemIndex,
        r.gof(),
        r.reliability(),
        bootstrap,
        scale == null ? null : new EstimateResult.ScaleInfo(scale.min(), scale.max(), false),
        elapsedMillis);
  }

  private static Map<String, EstimateResult.Interval> intervals(
      Map<String, BootstrapEstimate> estimates) {
    Map<String, EstimateResult.Interval> intervals = new LinkedHashMap<>();
    estimates.forEach(
        (name, e) ->
            intervals.put(
                name,
                new EstimateResult.Interval(
                    finite(e.standardError()), finite(e.low()), finite(e.high()))));
    return intervals;
  }

  private static @Nullable Double finite(@Nullable Double value) {
    return value == null || !Double.isFinite(value) ? null : value;
  }
}
