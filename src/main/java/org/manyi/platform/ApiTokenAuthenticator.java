package org.manyi.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Turns a personal API token sent as {@code Authorization: Bearer} into an authentication. */
public interface ApiTokenAuthenticator {

  /** Empty when the token is unknown, revoked, expired or its user is disabled. */
  Optional<Authentication> authenticate(String token);
}
