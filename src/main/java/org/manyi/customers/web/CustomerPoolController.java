package org.manyi.customers.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.internal.CustomerFilter;
import org.manyi.customers.internal.CustomerPool;
import org.manyi.customers.internal.CustomerSort;
import org.manyi.customers.internal.PoolRule;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.TeamId;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public pool page, claiming and releasing from the 360 page, and the rules for admins. */
@Controller
@RequestMapping("/customers")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
class CustomerPoolController {

  static final String POOL = "customers/pool";
  static final String ROWS = "customers/pool :: rows";
  static final String RULES = "customers/pool-rules";

  private final CustomerPool pool;
  private final CustomerViews views;
  private final org.manyi.customers.internal.CustomerManagement customers;

  CustomerPoolController(
      CustomerPool pool,
      CustomerViews views,
      org.manyi.customers.internal.CustomerManagement customers) {
    this.pool = pool;
    this.views = views;
    this.customers = customers;
  }

  @GetMapping("/pool")
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    String term = q == null || q.isBlank() ? null : q.strip();
    CustomerFilter filter =
        new CustomerFilter(term, null, null, null, null, null, null, null, null, null, null);
    model.addAttribute(
        "customers",
        views.items(
            pool.list(filter, CustomerSort.parse("created"), true, new PageRequest(page, 25), me)));
    model.addAttribute("q", term);
    model.addAttribute("allowance", pool.allowance(me));
    return htmx != null ? ROWS : POOL;
  }

  @PostMapping("/{id}/claim")
  String claim(@PathVariable UUID id, CurrentUser me, RedirectAttributes redirect) {
    try {
      pool.claim(new CustomerId(id), me);
      redirect.addFlashAttribute("claimed", true);
      return "redirect:/customers/" + id;
    } catch (ProblemException e) {
      if (e.status().value() != 409) {
        throw e;
      }
      redirect.addFlashAttribute("poolError", e.code());
      return "redirect:/customers/pool";
    }
  }

  @PostMapping("/{id}/release")
  String release(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String note,
      CurrentUser me,
      RedirectAttributes redirect) {
    pool.release(new CustomerId(id), note, me);
    redirect.addFlashAttribute("released", true);
    return "redirect:/customers/" + id;
  }

  @GetMapping("/pool/rules")
  @PreAuthorize("hasRole('ADMIN')")
  String rules(Model model) {
    return rulesPage(model, pool.rules());
  }

  @PostMapping("/pool/rules")
  @PreAuthorize("hasRole('ADMIN')")
  String saveRule(
      @RequestParam(required = false) @Nullable UUID team,
      @RequestParam(required = false) @Nullable Integer returnAfterDays,
      @RequestParam(required = false) @Nullable Integer claimsPerDay,
      @RequestParam(defaultValue = "false") boolean reset,
      Model model,
      RedirectAttributes redirect) {
    if (reset && team != null) {
      pool.reset(new TeamId(team));
    } else {
      try {
        pool.save(
            new PoolRule(
                team == null ? null : new TeamId(team),
                returnAfterDays,
                claimsPerDay == null ? -1 : claimsPerDay));
      } catch (ProblemException e) {
        model.addAttribute("ruleError", e.firstField());
        model.addAttribute("ruleTeam", team);
        return rulesPage(model, pool.rules());
      }
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/customers/pool/rules";
  }

  /**
   * A row of the rules page: the default rule (no team) or a team's rule, which is the default
   * unless the team has its own.
   */
  record RuleRow(
      @Nullable UUID teamId,
      @Nullable String teamName,
      @Nullable Integer returnAfterDays,
      int claimsPerDay,
      boolean own) {}

  private String rulesPage(Model model, List<PoolRule> rules) {
    PoolRule fallback = rules.stream().filter(r -> r.team() == null).findFirst().orElseThrow();
    List<RuleRow> rows = new java.util.ArrayList<>();
    rows.add(new RuleRow(null, null, fallback.returnAfterDays(), fallback.claimsPerDay(), true));
    customers
        .teams()
        .forEach(
            (team, name) -> {
              PoolRule own =
                  rules.stream().filter(r -> team.equals(r.team())).findFirst().orElse(null);
              PoolRule rule = own != null ? own : fallback;
              rows.add(
                  new RuleRow(
                      team.value(),
                      name,
                      rule.returnAfterDays(),
                      rule.claimsPerDay(),
                      own != null));
            });
    model.addAttribute("rows", rows);
    return RULES;
  }
}
