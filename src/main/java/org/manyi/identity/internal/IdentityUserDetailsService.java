package org.manyi.identity.internal;

import java.util.Optional;
import org.manyi.identity.UserId;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for sign-in by password and for API tokens. */
@Service
public class IdentityUserDetailsService implements UserDetailsService {

  private final UserRepository users;

  IdentityUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public SignedInUser loadUserByUsername(String username) {
    return users
        .findByUsername(username)
        .map(IdentityUserDetailsService::principal)
        .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  Optional<SignedInUser> load(UserId id) {
    return users.find(id).map(IdentityUserDetailsService::principal);
  }

  static SignedInUser principal(User user) {
    return new SignedInUser(user.asCurrentUser(), user.enabled(), user.passwordHash());
  }
}
