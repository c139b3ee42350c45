package org.manyi.pls;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything estimated for one model and data set. Maps keep the order of the model's constructs
 * and items.
 *
 * @param n cases used after listwise deletion
 * @param casesDropped cases left out because at least one model item was missing
 * @param iterations iterations of the outer-weight loop
 * @param converged whether the tolerance was reached within the iteration limit; when false the
 *     estimates are those of the last iteration and must not be trusted
 * @param pathCoefficients one entry per model path, in model order
 * @param outerWeights item to weight for the treated (standardised or centred) items, scaled so
 *     that every construct score has unit variance
 * @param loadings item to correlation with its own construct
 * @param crossLoadings item to (construct to correlation) for every construct
 * @param rSquared endogenous construct to R²
 * @param effects direct, indirect and total effects for every pair joined by a directed route
 * @param reliability construct to its measurement quality
 * @param index construct to its 0–100 index score; only constructs whose items all have a known
 *     answer scale and a positive outer weight (reverse-code negatively keyed items first)
 * @param gof goodness of fit as defined by plspm, null when every construct has a single item
 * @param scores construct to its standardised score per used case (population variance 1)
 * @param bootstrap bootstrap results, null when no resamples were requested
 */
public record PlsResult(
    int n,
    int casesDropped,
    int iterations,
    boolean converged,
    List<PathCoefficient> pathCoefficients,
    Map<String, Double> outerWeights,
    Map<String, Double> loadings,
    Map<String, Map<String, Double>> crossLoadings,
    Map<String, Double> rSquared,
    List<Effect> effects,
    Map<String, Reliability> reliability,
    Map<String, Double> index,
    @Nullable Double gof,
    Map<String, double[]> scores,
    @Nullable BootstrapSummary bootstrap) {}
