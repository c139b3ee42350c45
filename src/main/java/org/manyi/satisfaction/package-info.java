/**
 * Satisfaction index models (ACSI, ECSI, CCSI-style and custom ones) and the driver analyses built
 * on them. The module owns stored model specifications with their versions, runs of a model on
 * uploaded survey data as background jobs (each run keeps the model version, the data and the
 * settings, so every figure can be reproduced), 0–100 index scores, importance–performance
 * matrices, Kano classification and expectation gaps, their pages and the {@code
 * /api/v1/satisfaction-models} API. The statistics come from the {@code pls} module; this module
 * adds storage, validation with messages users can act on, jobs and presentation. A run on a
 * survey's answers may be narrowed to a customer segment: lifecycle stage and city from the
 * customers module, and segments other modules publish through {@link
 * org.manyi.satisfaction.CustomerSegments} (the value module's RFM segments).
 */
@ApplicationModule(
    displayName = "Satisfaction index models",
    allowedDependencies = {"platform", "shared", "identity", "pls", "surveys", "customers"})
@NullMarked
package org.manyi.satisfaction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
