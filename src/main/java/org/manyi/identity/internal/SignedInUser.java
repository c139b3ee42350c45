package org.manyi.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Permission;
import org.manyi.identity.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: a {@link CurrentUser} plus what Spring Security needs to sign in. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

  private final CurrentUser user;
  private final boolean enabled;
  private @Nullable String passwordHash;

  SignedInUser(CurrentUser user, boolean enabled, @Nullable String passwordHash) {
    this.user = user;
    this.enabled = enabled;
    this.passwordHash = passwordHash;
  }

  public CurrentUser user() {
    return user;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Role role : user.roles()) {
      authorities.add(new SimpleGrantedAuthority(role.authority()));
    }
    for (Permission permission : Permission.values()) {
      if (user.can(permission)) {
        authorities.add(new SimpleGrantedAuthority(permission.authority()));
      }
    }
    return authorities;
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return user.username();
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public String toString() {
    return user.username();
  }
}
