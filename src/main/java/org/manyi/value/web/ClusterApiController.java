package org.manyi.value.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.value.internal.BehaviourClustering;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Behavioural clustering runs and their clusters as JSON. */
@RestController
@Tag(name = "Customer value", description = "RFM segments and value concentration")
class ClusterApiController {

  private final BehaviourClustering clustering;
  private final ClusterTexts texts;
  private final CustomerAccess access;

  ClusterApiController(BehaviourClustering clustering, ClusterTexts texts, CustomerAccess access) {
    this.clustering = clustering;
    this.texts = texts;
    this.access = access;
  }

  /** A run to start: the range of k to try and the seed; all optional (2, 8, 42). */
  record RunRequest(@Nullable Integer minK, @Nullable Integer maxK, @Nullable Long seed) {}

  record Started(UUID jobId) {}

  record KScore(int k, double silhouette) {}

  /** One cluster with its profile in plain words in the request's language. */
  record ClusterResource(int cluster, String description, BehaviourClustering.Profile profile) {}

  record Clusters(
      BehaviourClustering.@Nullable Run run,
      List<KScore> silhouettes,
      List<ClusterResource> clusters) {}

  /** A customer's cluster in the latest run; {@code cluster} absent when not clustered. */
  record CustomerCluster(
      UUID customerId,
      @Nullable UUID runId,
      @Nullable Integer cluster,
      @Nullable String description) {}

  @PostMapping("/api/v1/analytics/clusters/runs")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary =
          "Cluster the buyers by behaviour (k-means++, seeded, k by silhouette) as of today"
              + " (202, job)")
  ResponseEntity<Started> run(
      @RequestBody(required = false) @Nullable RunRequest request, CurrentUser me) {
    UUID job =
        clustering.start(
            request == null ? null : request.minK(),
            request == null ? null : request.maxK(),
            request == null ? null : request.seed(),
            me.username());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(job));
  }

  @GetMapping("/api/v1/analytics/clusters")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "The clusters of the latest run, the most valuable first")
  Clusters clusters(Locale locale) {
    var run = clustering.latest().orElse(null);
    if (run == null) {
      return new Clusters(null, List.of(), List.of());
    }
    return new Clusters(
        run,
        clustering.silhouettes(run.id()).entrySet().stream()
            .map(e -> new KScore(e.getKey(), e.getValue()))
            .toList(),
        clustering.profiles(run.id()).stream()
            .map(p -> new ClusterResource(p.cluster(), texts.describe(p, locale), p))
            .toList());
  }

  @GetMapping("/api/v1/customers/{id}/cluster")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  @Operation(summary = "A customer's behavioural cluster in the latest run")
  CustomerCluster cluster(@PathVariable UUID id, CurrentUser me, Locale locale) {
    CustomerId customer = new CustomerId(id);
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("customer.notFound");
    }
    return clustering
        .clusterOf(customer)
        .map(
            m ->
                new CustomerCluster(
                    id, m.runId(), m.cluster(), texts.describe(m.profile(), locale)))
        .orElse(new CustomerCluster(id, null, null, null));
  }
}
