package org.manyi.platform.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Demo data")
class DemoDataApiController {

  /** Answer of a started job. */
  record JobStarted(UUID jobId) {}

  private final DemoData demo;

  DemoDataApiController(DemoData demo) {
    this.demo = demo;
  }

  @PostMapping("/api/v1/demo-data")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Load the demo data set in the background (once); 409 when already loaded")
  ResponseEntity<JobStarted> load(Authentication who) {
    UUID job = demo.load(who.getName(), DemoData.DEFAULT_CUSTOMERS);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/jobs/" + job))
        .body(new JobStarted(job));
  }
}
