package org.manyi.satisfaction.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.pls.Mode;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;

/**
 * The {@code spec} part of {@code POST /api/v1/satisfaction-models/estimate}, in the JSON
 * shape. Every member may be absent in the JSON; {@link Estimation} applies defaults and names the
 * member at fault as {@code spec.<member>}.
 *
 * @param blocks construct to its items
 * @param modes construct to mode; constructs not listed are reflective (A)
 * @param paths {@code [from, to]} pairs
 * @param scheme inner weighting scheme, PATH when absent
 * @param scaling item treatment, STANDARDIZED when absent
 * @param tolerance convergence threshold, 1e-7 when absent
 * @param maxIterations iteration limit, 300 when absent
 * @param bootstrap resamples, 0 when absent
 * @param seed bootstrap seed, a fixed default when absent
 * @param scale answer scale for the 0–100 index; when absent, the smallest and largest answer seen
 *     on the model's items
 */
public record EstimateSpec(
    @Nullable Map<String, @Nullable List<@Nullable String>> blocks,
    @Nullable Map<String, Mode> modes,
    @Nullable List<@Nullable List<@Nullable String>> paths,
    @Nullable Scheme scheme,
    @Nullable Scaling scaling,
    @Nullable Double tolerance,
    @Nullable Integer maxIterations,
    @Nullable Integer bootstrap,
    @Nullable Long seed,
    @Nullable Scale scale) {

  /** An answer scale given in the request. */
  public record Scale(@Nullable Double min, @Nullable Double max) {}
}
