package org.manyi.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;

/**
 * A person who signs in to Manyi. Guards its own rules: a username of letters, digits and {@code
 * ._-}; at least one role; a display name.
 */
public class User {

  static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");
  static final int MAX_DISPLAY_NAME = 64;

  private final UserId id;
  private final String username;
  private String displayName;
  private @Nullable String email;
  private String passwordHash;
  private boolean enabled;
  private boolean mustChangePassword;
  private @Nullable TeamId teamId;
  private Set<Role> roles;
  private final Instant createdAt;
  private Instant updatedAt;

  User(
      UserId id,
      String username,
      String displayName,
      @Nullable String email,
      String passwordHash,
      boolean enabled,
      boolean mustChangePassword,
      @Nullable TeamId teamId,
      Set<Role> roles,
      Instant createdAt,
      Instant updatedAt) {
    this.id = id;
    this.username = username;
    this.displayName = displayName;
    this.email = email;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
    this.mustChangePassword = mustChangePassword;
    this.teamId = teamId;
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  static User register(
      String username,
      String displayName,
      @Nullable String email,
      String passwordHash,
      boolean mustChangePassword,
      @Nullable TeamId teamId,
      Set<Role> roles,
      Instant now) {
    String normalised = normaliseUsername(username);
    if (!USERNAME.matcher(normalised).matches()) {
      throw ProblemException.invalid("username", "user.username.pattern");
    }
    User user =
        new User(
            UserId.random(),
            normalised,
            "",
            null,
            passwordHash,
            true,
            mustChangePassword,
            teamId,
            Set.of(),
            now,
            now);
    user.rename(displayName, now);
    user.changeEmail(email, now);
    user.assignRoles(roles, now);
    return user;
  }

  static String normaliseUsername(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  void rename(String displayName, Instant now) {
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME) {
      throw ProblemException.invalid("displayName", "user.displayName.required");
    }
    this.displayName = name;
    this.updatedAt = now;
  }

  void changeEmail(@Nullable String email, Instant now) {
    String value = email == null ? null : email.strip();
    this.email = value == null || value.isEmpty() ? null : value;
    this.updatedAt = now;
  }

  void assignRoles(Set<Role> roles, Instant now) {
    if (roles == null || roles.isEmpty()) {
      throw ProblemException.invalid("roles", "user.roles.required");
    }
    this.roles = EnumSet.copyOf(roles);
    this.updatedAt = now;
  }

  void moveToTeam(@Nullable TeamId team, Instant now) {
    this.teamId = team;
    this.updatedAt = now;
  }

  void disable(Instant now) {
    this.enabled = false;
    this.updatedAt = now;
  }

  void enable(Instant now) {
    this.enabled = true;
    this.updatedAt = now;
  }

  /**
   * Sets a new password.
   *
   * @param temporary true when someone else chose it (an admin reset): the user must change it
   */
  void changePassword(String newHash, boolean temporary, Instant now) {
    this.passwordHash = newHash;
    this.mustChangePassword = temporary;
    this.updatedAt = now;
  }

  boolean hasRoleAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public CurrentUser asCurrentUser() {
    return new CurrentUser(id, username, displayName, roles, teamId, mustChangePassword);
  }

  public UserId id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public @Nullable String email() {
    return email;
  }

  String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  public @Nullable TeamId teamId() {
    return teamId;
  }

  public Set<Role> roles() {
    return Set.copyOf(roles);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
