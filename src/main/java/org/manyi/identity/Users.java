package org.manyi.identity;

import java.util.List;
import java.util.Optional;

/** Read access to users for other modules. */
public interface Users {

  Optional<UserSummary> find(UserId id);

  Optional<UserSummary> findByUsername(String username);

  /** Enabled users of a team, by display name. */
  List<UserSummary> members(TeamId team);

  /** Every enabled user, by display name (for owner pickers and demo data). */
  List<UserSummary> enabled();
}
