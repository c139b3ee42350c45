package org.manyi.platform.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.manyi.platform.JobView;
import org.manyi.platform.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Background work with progress")
class JobApiController {

  private static final int RECENT = 50;

  private final Jobs jobs;
  private final JobAccess access;

  JobApiController(Jobs jobs, JobAccess access) {
    this.jobs = jobs;
    this.access = access;
  }

  @GetMapping
  @Operation(summary = "The caller's most recent jobs, newest first")
  List<JobView> mine(Authentication who) {
    return jobs.recent(who.getName(), RECENT);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A job's status, progress, messages and result")
  JobView job(@PathVariable UUID id, Authentication who) {
    return access.visible(id, who);
  }

  @PostMapping("/{id}/cancel")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Ask a job to stop; answers the job as it stands")
  ResponseEntity<JobView> cancel(@PathVariable UUID id, Authentication who) {
    access.visible(id, who);
    jobs.cancel(id);
    return ResponseEntity.accepted().body(access.visible(id, who));
  }
}
