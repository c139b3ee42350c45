package org.manyi.platform.web;

import org.manyi.platform.Jobs;
import org.manyi.platform.demo.DemoData;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home dashboard; later modules add their tiles. */
@Controller
class HomeController {

  static final String HOME = "home";
  private static final int RECENT_JOBS = 5;

  private final DemoData demo;
  private final Jobs jobs;

  HomeController(DemoData demo, Jobs jobs) {
    this.demo = demo;
    this.jobs = jobs;
  }

  @GetMapping("/")
  String home(Authentication who, Model model) {
    model.addAttribute("demoLoaded", demo.loaded());
    model.addAttribute("recentJobs", jobs.recent(who.getName(), RECENT_JOBS));
    return HOME;
  }
}
