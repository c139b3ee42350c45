package org.manyi.pls;

import org.jspecify.annotations.Nullable;

/**
 * Measurement quality of one block. Cronbach's alpha, Dillon–Goldstein's rho and AVE describe
 * reflective blocks only and are null for formative ones; alpha and rho are also null for a
 * single-item block, where they are undefined.
 *
 * @param cronbachAlpha standardised Cronbach's alpha (from item correlations), floored at 0 as in
 *     plspm
 * @param dillonGoldsteinRho composite reliability from the block's first principal component
 * @param ave average variance extracted
 * @param communality mean squared loading of the block's items
 * @param redundancy mean communality times the construct's R² (0 for exogenous constructs)
 */
public record Reliability(
    @Nullable Double cronbachAlpha,
    @Nullable Double dillonGoldsteinRho,
    @Nullable Double ave,
    double communality,
    double redundancy) {}
