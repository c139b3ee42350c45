package org.manyi.satisfaction.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.pls.Mode;
import org.manyi.pls.PlsModel;
import org.manyi.pls.ScaleRange;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;

/**
 * The structure of a satisfaction index model, as stored (JSON) and edited. Validation lives in
 * {@link ModelValidation} so that a form can show every problem at once.
 *
 * @param constructs constructs in display order
 * @param paths inner model as {@code [from, to]} pairs
 * @param scheme inner weighting scheme
 * @param scaling item treatment
 * @param scaleMin lowest answer of the survey scale (index 0)
 * @param scaleMax highest answer of the survey scale (index 100)
 * @param target the outcome whose drivers the importance–performance matrix ranks, usually
 *     satisfaction; null when the model has none
 */
public record ModelSpec(
    List<ConstructSpec> constructs,
    List<List<String>> paths,
    Scheme scheme,
    Scaling scaling,
    double scaleMin,
    double scaleMax,
    @Nullable String target) {

  public ModelSpec {
    constructs = List.copyOf(constructs);
    paths = paths.stream().map(List::copyOf).toList();
  }

  /** Construct name to its items, in display order. */
  public Map<String, List<String>> blocks() {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    constructs.forEach(c -> blocks.put(c.name(), c.items()));
    return blocks;
  }

  /** The engine's model with this structure and the given estimation settings. */
  PlsModel toPlsModel(RunSettings settings) {
    Map<String, Mode> modes = new LinkedHashMap<>();
    constructs.forEach(c -> modes.put(c.name(), c.mode()));
    return new PlsModel(
        blocks(),
        modes,
        paths,
        scheme,
        scaling,
        settings.tolerance(),
        settings.maxIterations(),
        settings.bootstrap(),
        settings.seed(),
        new ScaleRange(scaleMin, scaleMax),
        Map.of());
  }
}
