/**
 * PLS path modelling for customer-satisfaction indices (ECSI / ACSI style). The module owns the
 * Wold/Lohmöller estimation of structural equation models with latent constructs measured by survey
 * items: model specification and validation, outer weights, loadings, path coefficients, R²,
 * effects, reliability, goodness of fit, bootstrap inference and 0–100 index scores, plus the small
 * survey analyses that sit next to it (Kano classification, expectation–disconfirmation gaps) and a
 * numeric CSV reader. It is pure computation: no Spring beans, web or database. The entry point is
 * {@link org.manyi.pls.PlsEstimator}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "PLS path modelling")
package org.manyi.pls;
