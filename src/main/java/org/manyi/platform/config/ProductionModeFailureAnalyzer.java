package org.manyi.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, instead of a stack trace, what production mode is missing. */
public class ProductionModeFailureAnalyzer
    extends AbstractFailureAnalyzer<MisconfiguredProductionException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, MisconfiguredProductionException cause) {
    return new FailureAnalysis(
        "Manyi refuses to start in production mode (MANYI_MODE=production):\n  - "
            + String.join("\n  - ", cause.problems()),
        "Set the variables above, or unset MANYI_MODE to try Manyi on the embedded database.",
        cause);
  }
}
