package org.manyi.value.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.value.internal.BehaviourClustering;
import org.manyi.value.internal.CoreCustomers;
import org.manyi.value.internal.Defections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The behavioural clusters page and the cluster and defection lines of the 360 value panel. */
@Controller
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class ClusterController {

  static final String PAGE = "value/clusters";
  static final String EXTRAS = "value/extras :: extras";

  private final BehaviourClustering clustering;
  private final CoreCustomers core;
  private final Defections defections;
  private final ClusterTexts texts;
  private final CustomerAccess access;
  private final JsonMapper json;

  ClusterController(
      BehaviourClustering clustering,
      CoreCustomers core,
      Defections defections,
      ClusterTexts texts,
      CustomerAccess access,
      JsonMapper json) {
    this.clustering = clustering;
    this.core = core;
    this.defections = defections;
    this.texts = texts;
    this.access = access;
    this.json = json;
  }

  @GetMapping("/analytics/clusters")
  String page(Locale locale, Model model) {
    var run = clustering.latest().orElse(null);
    model.addAttribute("run", run);
    if (run != null) {
      List<BehaviourClustering.Profile> profiles = clustering.profiles(run.id());
      Map<Integer, String> descriptions = new LinkedHashMap<>();
      profiles.forEach(p -> descriptions.put(p.cluster(), texts.describe(p, locale)));
      Map<Integer, Double> silhouettes = clustering.silhouettes(run.id());
      model.addAttribute("profiles", profiles);
      model.addAttribute("descriptions", descriptions);
      model.addAttribute("silhouettes", silhouettes);
      model.addAttribute(
          "chartJson",
          json.writeValueAsString(
              Map.of(
                  "k", List.copyOf(silhouettes.keySet()),
                  "silhouette", List.copyOf(silhouettes.values()),
                  "chosen", run.k())));
    }
    return PAGE;
  }

  @PostMapping("/analytics/clusters/runs")
  String run(
      @RequestParam(required = false) @Nullable Integer minK,
      @RequestParam(required = false) @Nullable Integer maxK,
      @RequestParam(required = false) @Nullable Long seed,
      CurrentUser me,
      Locale locale,
      Model model) {
    try {
      return "redirect:/jobs/" + clustering.start(minK, maxK, seed, me.username());
    } catch (ProblemException e) {
      model.addAttribute("runError", e.firstField() == null ? e.code() : e.firstField().code());
      return page(locale, model);
    }
  }

  /** The cluster, core status and open defection of a customer, loaded into the 360 value panel. */
  @GetMapping("/customers/{id}/value-extras")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  String extras(@PathVariable UUID id, CurrentUser me, Locale locale, Model model) {
    CustomerId customer = new CustomerId(id);
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("customer.notFound");
    }
    var membership = clustering.clusterOf(customer).orElse(null);
    model.addAttribute("customerId", id);
    model.addAttribute("membership", membership);
    model.addAttribute(
        "clusterText", membership == null ? null : texts.describe(membership.profile(), locale));
    model.addAttribute("core", core.isCore(customer));
    model.addAttribute("defection", defections.open(customer).orElse(null));
    model.addAttribute("reasons", defections.reasons());
    return EXTRAS;
  }
}
