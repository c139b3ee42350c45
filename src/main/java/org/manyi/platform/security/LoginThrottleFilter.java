package org.manyi.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the form sign-in and HTTP Basic: a locked account or address is refused without
 * checking the password (so guessing stays useless), and attempts after several failures are slowed
 * down.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ProblemWriter problems;

  LoginThrottleFilter(LoginThrottle throttle, ProblemWriter problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean formLogin = "POST".equals(request.getMethod()) && "/login".equals(path(request));
    String username = formLogin ? request.getParameter("username") : basicUsername(request);
    if (!formLogin && username == null) {
      chain.doFilter(request, response);
      return;
    }
    Instant lockedUntil = throttle.lockedUntil(username, request.getRemoteAddr());
    if (lockedUntil != null) {
      long seconds = Math.max(1, Duration.between(Instant.now(), lockedUntil).toSeconds());
      if (formLogin) {
        response.sendRedirect(request.getContextPath() + "/login?locked");
      } else {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "sign-in-locked",
            "login.locked.detail",
            (seconds + 59) / 60);
      }
      return;
    }
    pause(throttle.delay(username));
    chain.doFilter(request, response);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static @Nullable String basicUsername(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException malformed) {
      return null; // Spring Security answers malformed headers itself
    }
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
