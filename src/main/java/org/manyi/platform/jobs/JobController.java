package org.manyi.platform.jobs;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.manyi.platform.JobView;
import org.manyi.platform.Jobs;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Job pages: a list of one's jobs, and a job with a live progress bar (htmx polling). */
@Controller
class JobController {

  static final String LIST = "platform/jobs";
  static final String DETAIL = "platform/job";
  static final String PROGRESS_FRAGMENT = "platform/job :: progress";

  /** htmx stops polling when a response has this status. */
  private static final int HTMX_STOP_POLLING = 286;

  private final Jobs jobs;
  private final JobAccess access;

  JobController(Jobs jobs, JobAccess access) {
    this.jobs = jobs;
    this.access = access;
  }

  @GetMapping("/jobs")
  String list(Authentication who, Model model) {
    model.addAttribute("jobs", jobs.recent(who.getName(), 100));
    return LIST;
  }

  @GetMapping("/jobs/{id}")
  String job(@PathVariable UUID id, Authentication who, Model model) {
    model.addAttribute("job", access.visible(id, who));
    return DETAIL;
  }

  /** The progress fragment; once the job has finished, tells htmx to stop polling. */
  @GetMapping("/jobs/{id}/progress")
  String progress(
      @PathVariable UUID id, Authentication who, Model model, HttpServletResponse response) {
    JobView job = access.visible(id, who);
    model.addAttribute("job", job);
    if (job.status().finished()) {
      response.setStatus(HTMX_STOP_POLLING);
    }
    return PROGRESS_FRAGMENT;
  }

  @PostMapping("/jobs/{id}/cancel")
  String cancel(@PathVariable UUID id, Authentication who, RedirectAttributes flash) {
    access.visible(id, who);
    flash.addFlashAttribute(
        "flashSuccess", jobs.cancel(id) ? "job.cancel.requested" : "job.cancel.tooLate");
    return "redirect:/jobs/" + id;
  }
}
