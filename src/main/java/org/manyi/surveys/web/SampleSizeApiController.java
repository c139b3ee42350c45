package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.manyi.surveys.internal.SampleSize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
@Tag(name = "Surveys")
class SampleSizeApiController {

  @GetMapping("/api/v1/surveys/sample-size")
  @Operation(
      summary = "Responses needed for a margin of error, in the worst case",
      description =
          "NPS: n = z²·(p + q − (p − q)²)/m² with p = q = 0.5 (±5 points at 95% → 1,537); CSAT"
              + " (a share): n = z²·p(1 − p)/m² with p = 0.5 (±5 points → 385); with the finite"
              + " population correction when population is given. margin in points, confidence"
              + " such as 0.95.")
  SampleSize.Result sampleSize(
      @RequestParam(defaultValue = "NPS") SampleSize.Metric metric,
      @RequestParam(defaultValue = "5") double margin,
      @RequestParam(defaultValue = "0.95") double confidence,
      @RequestParam(required = false) @Nullable Long population) {
    return SampleSize.of(metric, margin, confidence, population);
  }
}
