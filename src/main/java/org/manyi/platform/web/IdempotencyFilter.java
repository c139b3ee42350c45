package org.manyi.platform.web;

import static org.manyi.shared.Times.toDb;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} contract of every creating POST under {@code /api/v1}: the same key
 * and body from the same caller answer the first response again without doing the work twice; the
 * same key with a different body is refused with 422. Keys are remembered for a day.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final int MAX_KEY_LENGTH = 255;
  private static final Duration RETENTION = Duration.ofHours(24);

  private record Stored(
      String requestHash,
      @Nullable Integer status,
      @Nullable String contentType,
      @Nullable String location,
      @Nullable String body) {}

  private final JdbcClient jdbc;
  private final ProblemWriter problems;
  private final Clock clock = Clock.systemUTC();

  IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems) {
    this.jdbc = jdbc;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith("/api/v1/")
        || request.getHeader(HEADER) == null
        // uploads are hashed by the import that receives them, not buffered here
        || (request.getContentType() != null && request.getContentType().startsWith("multipart/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER).strip();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      problems.write(
          request, response, HttpStatus.BAD_REQUEST, "validation-error", "idempotency.key.invalid");
      return;
    }
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    String principal = who == null ? "anonymous" : who.getName();
    byte[] body = request.getInputStream().readAllBytes();
    String hash = hash(request, body);

    Optional<Stored> earlier = find(principal, key);
    if (earlier.isEmpty()) {
      try {
        jdbc.sql(
                "INSERT INTO idempotency_record (principal, idem_key, method, path, request_hash,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .params(
                principal,
                key,
                request.getMethod(),
                request.getRequestURI(),
                hash,
                toDb(clock.instant()))
            .update();
      } catch (DuplicateKeyException raced) {
        earlier = find(principal, key);
      }
    }
    if (earlier.isPresent()) {
      answerAgain(request, response, earlier.get(), hash);
      return;
    }

    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    boolean stored = false;
    try {
      chain.doFilter(new CachedBodyRequest(request, body), captured);
      if (captured.getStatus() < HttpStatus.INTERNAL_SERVER_ERROR.value()) {
        jdbc.sql(
                "UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, body = ?"
                    + " WHERE principal = ? AND idem_key = ?")
            .params(
                captured.getStatus(),
                captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION),
                new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8),
                principal,
                key)
            .update();
        stored = true;
      }
    } finally {
      if (!stored) {
        // a server error is not an answer worth repeating: let the client retry with the same key
        jdbc.sql("DELETE FROM idempotency_record WHERE principal = ? AND idem_key = ?")
            .params(principal, key)
            .update();
      }
      captured.copyBodyToResponse();
    }
  }

  private void answerAgain(
      HttpServletRequest request, HttpServletResponse response, Stored earlier, String hash)
      throws IOException {
    if (!earlier.requestHash().equals(hash)) {
      problems.write(
          request,
          response,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "idempotency.key.reused");
      return;
    }
    if (earlier.status() == null) {
      problems.write(
          request, response, HttpStatus.CONFLICT, "idempotency-in-progress", "idempotency.busy");
      return;
    }
    response.setStatus(earlier.status());
    response.setHeader(REPLAYED, "true");
    if (earlier.contentType() != null) {
      response.setContentType(earlier.contentType());
    }
    if (earlier.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, earlier.location());
    }
    if (earlier.body() != null) {
      response.getOutputStream().write(earlier.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  private Optional<Stored> find(String principal, String key) {
    return jdbc.sql(
            "SELECT request_hash, status, content_type, location, body FROM idempotency_record"
                + " WHERE principal = ? AND idem_key = ?")
        .params(principal, key)
        .query(
            (rs, row) -> {
              int status = rs.getInt("status");
              return new Stored(
                  rs.getString("request_hash"),
                  rs.wasNull() ? null : status,
                  rs.getString("content_type"),
                  rs.getString("location"),
                  rs.getString("body"));
            })
        .optional();
  }

  @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
  void forgetOldKeys() {
    jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?")
        .param(toDb(clock.instant().minus(RETENTION)))
        .update();
  }

  private static String hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      if (request.getQueryString() != null) {
        digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
      }
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Lets the controller read the body this filter already consumed for hashing. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          // the whole body is already in memory: it is available, and then all read
          try {
            listener.onDataAvailable();
            listener.onAllDataRead();
          } catch (java.io.IOException e) {
            listener.onError(e);
          }
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
