package org.manyi.cases.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing rules (admin-edited) and the choice of an owner within a team queue. A case is routed
 * when it is assessed without an owner, or when it is assigned without naming a queue: the first
 * active rule (by position) that matches its category, channel and customer stage names the team,
 * and the rule's strategy picks the member. A rule whose team has no enabled member is passed over.
 */
@Service
public class CaseRouting {

  /** Where a rule sends a case. */
  public record Routed(RoutingRule rule, TeamId team, UserId assignee) {}

  private static final String COLUMNS =
      "id, position, category, channel, stage, team_id, strategy, active";

  private final JdbcClient jdbc;
  private final Users users;
  private final Customers customers;
  private final CaseCategories categories;
  private final TransactionTemplate separate;

  CaseRouting(
      JdbcClient jdbc,
      Users users,
      Customers customers,
      CaseCategories categories,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.users = users;
    this.customers = customers;
    this.categories = categories;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Every rule, in the order they are tried. */
  public List<RoutingRule> rules() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_routing_rule ORDER BY position, id")
        .query((rs, n) -> map(rs))
        .list();
  }

  public Optional<RoutingRule> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_routing_rule WHERE id = ?")
        .param(id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /**
   * Adds a rule ({@code id} absent; without a position it goes last) or changes one (without a
   * position it keeps its place).
   *
   * @throws ProblemException naming the field: an unknown category, a team without enabled members,
   *     a missing strategy
   */
  @Transactional
  public RoutingRule save(
      @Nullable UUID id,
      @Nullable Integer position,
      @Nullable String category,
      @Nullable CaseChannel channel,
      @Nullable LifecycleStage stage,
      @Nullable UUID team,
      @Nullable AssignmentStrategy strategy,
      boolean active) {
    String code = category == null || category.isBlank() ? null : category.strip();
    if (code != null && categories.find(code).isEmpty()) {
      throw ProblemException.invalid("category", "case.category.unknown");
    }
    if (team == null) {
      throw ProblemException.invalid("team", "case.routing.team.required");
    }
    if (users.members(new TeamId(team)).isEmpty()) {
      throw ProblemException.invalid("team", "case.queue.empty");
    }
    if (strategy == null) {
      throw ProblemException.invalid("strategy", "case.routing.strategy.required");
    }
    if (position != null && (position < 0 || position > 1_000_000)) {
      throw ProblemException.invalid("position", "case.routing.position.invalid");
    }
    Integer kept = id == null ? null : find(id).map(RoutingRule::position).orElse(null);
    int order =
        position != null
            ? position
            : kept != null
                ? kept
                : jdbc.sql("SELECT COALESCE(MAX(position), 0) + 10 FROM case_routing_rule")
                    .query(Integer.class)
                    .single();
    RoutingRule rule =
        new RoutingRule(
            id == null ? UUID.randomUUID() : id,
            order,
            code,
            channel,
            stage,
            new TeamId(team),
            strategy,
            active);
    List<Object> values = new ArrayList<>();
    values.add(rule.position());
    values.add(rule.category());
    values.add(channel == null ? null : channel.name());
    values.add(stage == null ? null : stage.name());
    values.add(team);
    values.add(strategy.name());
    values.add(active);
    values.add(rule.id());
    if (id != null) {
      int updated =
          jdbc.sql(
                  "UPDATE case_routing_rule SET position = ?, category = ?, channel = ?, stage = ?,"
                      + " team_id = ?, strategy = ?, active = ? WHERE id = ?")
              .params(values)
              .update();
      if (updated == 0) {
        throw ProblemException.notFound("case.routing.notFound");
      }
    } else {
      jdbc.sql(
              "INSERT INTO case_routing_rule (position, category, channel, stage, team_id,"
                  + " strategy, active, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(values)
          .update();
    }
    return rule;
  }

  /**
   * Removes a rule; cases it routed keep their owner.
   *
   * @return whether there was one
   */
  @Transactional
  public boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM case_routing_rule WHERE id = ?").param(id).update() > 0;
  }

  /** Where the rules send the case, if any rule matches and its team has a member. */
  Optional<Routed> route(Case c) {
    LifecycleStage stage =
        c.customerId() == null
            ? null
            : customers.find(c.customerId()).map(CustomerSummary::stage).orElse(null);
    for (RoutingRule rule : rules()) {
      if (rule.matches(c.category(), c.channel(), stage) && !users.members(rule.team()).isEmpty()) {
        return Optional.of(new Routed(rule, rule.team(), pick(rule.team(), rule.strategy())));
      }
    }
    return Optional.empty();
  }

  /**
   * The member of the team who takes the next case.
   *
   * @throws ProblemException on the field {@code queue} when the team has no enabled member
   */
  UserId pick(TeamId team, AssignmentStrategy strategy) {
    List<UserSummary> members = users.members(team);
    if (members.isEmpty()) {
      throw ProblemException.invalid("queue", "case.queue.empty");
    }
    return strategy == AssignmentStrategy.LEAST_LOADED
        ? leastLoaded(members)
        : nextInTurn(team, members);
  }

  private UserId leastLoaded(List<UserSummary> members) {
    Map<UUID, Long> load = new HashMap<>();
    String marks = String.join(", ", java.util.Collections.nCopies(members.size(), "?"));
    jdbc.sql(
            "SELECT assignee_id, COUNT(*) AS n FROM service_case WHERE status <> 'CLOSED' AND"
                + " assignee_id IN ("
                + marks
                + ") GROUP BY assignee_id")
        .params(members.stream().map(u -> (Object) u.id().value()).toList())
        .query(
            rs -> {
              load.put(rs.getObject("assignee_id", UUID.class), rs.getLong("n"));
            });
    UserSummary best = members.get(0);
    for (UserSummary u : members) {
      if (load.getOrDefault(u.id().value(), 0L) < load.getOrDefault(best.id().value(), 0L)) {
        best = u;
      }
    }
    return best.id();
  }

  private UserId nextInTurn(TeamId team, List<UserSummary> members) {
    try {
      separate.executeWithoutResult(
          tx ->
              jdbc.sql(
                      "INSERT INTO case_queue_cursor (team_id, last_user_id) SELECT ?, NULL WHERE"
                          + " NOT EXISTS (SELECT 1 FROM case_queue_cursor WHERE team_id = ?)")
                  .params(team.value(), team.value())
                  .update());
    } catch (DataIntegrityViolationException someoneElseCreatedIt) {
      // the cursor exists now, which is all we need
    }
    UUID last =
        jdbc.sql("SELECT last_user_id FROM case_queue_cursor WHERE team_id = ? FOR UPDATE")
            .param(team.value())
            .query((rs, n) -> rs.getObject(1, UUID.class))
            .optional()
            .orElse(null);
    int index = 0;
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).id().value().equals(last)) {
        index = (i + 1) % members.size();
      }
    }
    UserId next = members.get(index).id();
    jdbc.sql("UPDATE case_queue_cursor SET last_user_id = ? WHERE team_id = ?")
        .params(next.value(), team.value())
        .update();
    return next;
  }

  private static RoutingRule map(java.sql.ResultSet rs) throws java.sql.SQLException {
    String channel = rs.getString("channel");
    String stage = rs.getString("stage");
    return new RoutingRule(
        rs.getObject("id", UUID.class),
        rs.getInt("position"),
        rs.getString("category"),
        channel == null ? null : CaseChannel.valueOf(channel),
        stage == null ? null : LifecycleStage.valueOf(stage),
        new TeamId(rs.getObject("team_id", UUID.class)),
        AssignmentStrategy.valueOf(rs.getString("strategy")),
        rs.getBoolean("active"));
  }
}
