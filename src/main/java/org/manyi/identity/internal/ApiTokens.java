package org.manyi.identity.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;
import org.manyi.platform.ApiTokenAuthenticator;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: created and revoked by their owner, sent as {@code Bearer}. */
@Service
@Transactional
public class ApiTokens implements ApiTokenAuthenticator {

  static final String TOKEN_PREFIX = "mny_";
  private static final int TOKEN_BYTES = 32;
  private static final int MAX_TOKENS_PER_USER = 20;
  private static final int MAX_NAME = 64;
  private static final int MAX_DAYS = 3650;

  /** A token as created: the secret is shown this once and never again. */
  public record CreatedToken(ApiToken token, String secret) {}

  private final JdbcClient jdbc;
  private final IdentityUserDetailsService userDetails;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();

  ApiTokens(JdbcClient jdbc, IdentityUserDetailsService userDetails) {
    this.jdbc = jdbc;
    this.userDetails = userDetails;
  }

  public CreatedToken create(UserId owner, String name, @Nullable Integer expiresInDays) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > MAX_NAME) {
      throw ProblemException.invalid("name", "token.name.required");
    }
    if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
      throw ProblemException.invalid("expiresInDays", "token.expiry.range", 1, MAX_DAYS);
    }
    if (list(owner).stream().filter(t -> t.usable(clock.instant())).count()
        >= MAX_TOKENS_PER_USER) {
      throw ProblemException.conflict("too-many-tokens", "token.tooMany", MAX_TOKENS_PER_USER);
    }
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(
            UUID.randomUUID(),
            owner,
            label,
            secret.substring(0, TOKEN_PREFIX.length() + 4),
            now,
            expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays)),
            null,
            null);
    jdbc.sql(
            "INSERT INTO api_token (id, user_id, name, token_hash, prefix, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            token.id(),
            owner.value(),
            token.name(),
            hash(secret),
            token.prefix(),
            toDb(now),
            toDb(token.expiresAt()))
        .update();
    return new CreatedToken(token, secret);
  }

  /** Revokes one of the owner's tokens; another user's token does not exist for them. */
  public void revoke(UserId owner, UUID tokenId) {
    int changed =
        jdbc.sql(
                "UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ?"
                    + " AND revoked_at IS NULL")
            .params(toDb(clock.instant()), tokenId, owner.value())
            .update();
    if (changed == 0) {
      throw ProblemException.notFound("token.notFound");
    }
  }

  @Transactional(readOnly = true)
  public List<ApiToken> list(UserId owner) {
    return jdbc.sql("SELECT * FROM api_token WHERE user_id = ? ORDER BY created_at DESC")
        .param(owner.value())
        .query(ApiTokens::map)
        .list();
  }

  @Override
  public Optional<Authentication> authenticate(String secret) {
    if (!secret.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiToken> token =
        jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?")
            .param(hash(secret))
            .query(ApiTokens::map)
            .optional()
            .filter(t -> t.usable(now));
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Optional<SignedInUser> user =
        userDetails.load(token.get().userId()).filter(SignedInUser::isEnabled);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
        .params(toDb(now), token.get().id())
        .update();
    return Optional.of(
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, user.get().getAuthorities()));
  }

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    return new ApiToken(
        rs.getObject("id", UUID.class),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("name"),
        rs.getString("prefix"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("expires_at", OffsetDateTime.class)),
        fromDb(rs.getObject("last_used_at", OffsetDateTime.class)),
        fromDb(rs.getObject("revoked_at", OffsetDateTime.class)));
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
