package org.manyi.platform.demo;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** Loading demo data from the empty home page. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DemoDataController {

  private final DemoData demo;

  DemoDataController(DemoData demo) {
    this.demo = demo;
  }

  @PostMapping("/demo-data")
  String load(Authentication who) {
    UUID job = demo.load(who.getName(), DemoData.DEFAULT_CUSTOMERS);
    return "redirect:/jobs/" + job;
  }
}
