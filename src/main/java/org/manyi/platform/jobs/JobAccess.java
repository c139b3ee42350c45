package org.manyi.platform.jobs;

import java.util.UUID;
import org.manyi.platform.JobView;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A job is visible to its owner and to admins; to anyone else it does not exist (404, not 403, so
 * ids cannot be probed).
 */
@Component
class JobAccess {

  private final Jobs jobs;

  JobAccess(Jobs jobs) {
    this.jobs = jobs;
  }

  JobView visible(UUID id, Authentication who) {
    return jobs.find(id)
        .filter(job -> job.owner().equals(who.getName()) || isAdmin(who))
        .orElseThrow(() -> ProblemException.notFound("job.notFound"));
  }

  static boolean isAdmin(Authentication who) {
    return who.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch("ROLE_ADMIN"::equals);
  }
}
