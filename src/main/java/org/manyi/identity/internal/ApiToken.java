package org.manyi.identity.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;

/**
 * A personal API token. Only its SHA-256 hash is stored: the token is random (256 bits), so a slow
 * password hash would add nothing but latency to every API call.
 */
public record ApiToken(
    UUID id,
    UserId userId,
    String name,
    String prefix,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  public boolean usable(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
