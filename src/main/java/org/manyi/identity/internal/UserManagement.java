package org.manyi.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.Role;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and finding users and teams. */
@Service
@Transactional
public class UserManagement implements Users {

  /** Long enough to resist guessing with the sign-in throttle in place; no composition rules. */
  public static final int MIN_PASSWORD_LENGTH = 10;

  static final int MAX_PASSWORD_LENGTH = 128;

  /** A user to create; team by name. */
  public record NewUser(
      String username,
      String displayName,
      @Nullable String email,
      Set<Role> roles,
      @Nullable String team,
      String password) {}

  /** Changes to a user; null leaves a value as it is. */
  public record UserChanges(
      @Nullable String displayName,
      @Nullable String email,
      @Nullable Set<Role> roles,
      @Nullable String team,
      @Nullable Boolean enabled,
      @Nullable String password) {}

  /** The user list's query. */
  public record UserQuery(
      @Nullable String q, @Nullable Role role, @Nullable UUID team, String sort, boolean desc) {}

  private final UserRepository users;
  private final TeamRepository teams;
  private final PasswordEncoder passwords;
  private final Clock clock = Clock.systemUTC();

  UserManagement(UserRepository users, TeamRepository teams, PasswordEncoder passwords) {
    this.users = users;
    this.teams = teams;
    this.passwords = passwords;
  }

  public User create(NewUser request) {
    if (users.exists(request.username())) {
      throw ProblemException.conflictOn("username", "username-taken", "user.username.taken");
    }
    checkPassword("password", request.password(), request.username());
    User user =
        User.register(
            request.username(),
            request.displayName(),
            request.email(),
            passwords.encode(request.password()),
            false,
            teamByName(request.team()),
            request.roles(),
            clock.instant());
    users.insert(user);
    return user;
  }

  /** Creates the first admin; its password is temporary when it was generated. */
  User createAdmin(String password, boolean temporary) {
    User admin =
        User.register(
            "admin",
            "Administrator",
            null,
            passwords.encode(password),
            temporary,
            null,
            Set.of(Role.ADMIN),
            clock.instant());
    users.insert(admin);
    return admin;
  }

  public User change(UserId id, UserChanges changes, UserId actor) {
    User user = get(id);
    Instant now = clock.instant();
    if (changes.displayName() != null) {
      user.rename(changes.displayName(), now);
    }
    if (changes.email() != null) {
      user.changeEmail(changes.email(), now);
    }
    if (changes.roles() != null) {
      if (id.equals(actor) && !changes.roles().contains(Role.ADMIN) && user.hasRoleAdmin()) {
        // an admin removing their own admin role could leave nobody able to undo it
        throw ProblemException.invalid("roles", "user.roles.selfDemotion");
      }
      user.assignRoles(changes.roles(), now);
    }
    if (changes.team() != null) {
      user.moveToTeam(changes.team().isBlank() ? null : teamByName(changes.team()), now);
    }
    if (changes.enabled() != null) {
      if (!changes.enabled() && id.equals(actor)) {
        throw ProblemException.invalid("enabled", "user.disable.self");
      }
      if (changes.enabled()) {
        user.enable(now);
      } else {
        user.disable(now);
      }
    }
    if (changes.password() != null) {
      checkPassword("password", changes.password(), user.username());
      // a password set by someone else is known to them: the owner must replace it
      user.changePassword(passwords.encode(changes.password()), !id.equals(actor), now);
    }
    users.update(user);
    return user;
  }

  /** The owner's own change, which needs the current password. */
  public void changeOwnPassword(UserId id, String current, String replacement) {
    User user = get(id);
    if (!passwords.matches(current, user.passwordHash())) {
      throw ProblemException.invalid("currentPassword", "password.current.wrong");
    }
    if (passwords.matches(replacement, user.passwordHash())) {
      throw ProblemException.invalid("newPassword", "password.new.same");
    }
    checkPassword("newPassword", replacement, user.username());
    user.changePassword(passwords.encode(replacement), false, clock.instant());
    users.update(user);
  }

  @Transactional(readOnly = true)
  public User get(UserId id) {
    return users.find(id).orElseThrow(() -> ProblemException.notFound("user.notFound"));
  }

  @Transactional(readOnly = true)
  public Optional<User> byUsername(String username) {
    return users.findByUsername(username);
  }

  @Transactional(readOnly = true)
  public PageResult<User> list(UserQuery query, PageRequest page) {
    UserRepository.Sort sort;
    try {
      sort = UserRepository.Sort.valueOf(query.sort().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw ProblemException.invalid("sort", "list.sort.unknown");
    }
    return users.search(
        new UserRepository.Filter(
            query.q(), query.role(), query.team() == null ? null : new TeamId(query.team())),
        sort,
        query.desc(),
        page);
  }

  @Transactional(readOnly = true)
  public long count() {
    return users.count();
  }

  public Team createTeam(String name) {
    String value = name == null ? "" : name.strip();
    if (value.isEmpty() || value.length() > 64) {
      throw ProblemException.invalid("name", "team.name.required");
    }
    if (teams.findByName(value).isPresent()) {
      throw ProblemException.conflictOn("name", "team-name-taken", "team.name.taken");
    }
    Team team = new Team(new TeamId(UUID.randomUUID()), value, clock.instant());
    teams.insert(team);
    return team;
  }

  @Transactional(readOnly = true)
  public List<Team> teams() {
    return teams.all();
  }

  @Transactional(readOnly = true)
  public @Nullable String teamName(@Nullable TeamId id) {
    return id == null ? null : teams.find(id).map(Team::name).orElse(null);
  }

  @Transactional(readOnly = true)
  public long teamSize(TeamId id) {
    return teams.members(id);
  }

  private @Nullable TeamId teamByName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return teams
        .findByName(name)
        .map(Team::id)
        .orElseThrow(() -> ProblemException.invalid("team", "user.team.unknown", name));
  }

  static void checkPassword(String field, @Nullable String password, String username) {
    if (password == null
        || password.length() < MIN_PASSWORD_LENGTH
        || password.length() > MAX_PASSWORD_LENGTH) {
      throw ProblemException.invalid(
          field, "password.length", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
    }
    if (password.strip().equalsIgnoreCase(username.strip())) {
      throw ProblemException.invalid(field, "password.sameAsUsername");
    }
  }

  // --- Users, the read interface of other modules

  @Override
  @Transactional(readOnly = true)
  public Optional<UserSummary> find(UserId id) {
    return users.find(id).map(this::summary);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<UserSummary> findByUsername(String username) {
    return users.findByUsername(username).map(this::summary);
  }

  @Override
  @Transactional(readOnly = true)
  public List<UserSummary> members(TeamId team) {
    return users.enabled(team).stream().map(this::summary).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<UserSummary> enabled() {
    return users.enabled(null).stream().map(this::summary).toList();
  }

  public UserSummary summary(User user) {
    return new UserSummary(
        user.id(),
        user.username(),
        user.displayName(),
        user.roles(),
        user.teamId(),
        teamName(user.teamId()),
        user.enabled());
  }
}
