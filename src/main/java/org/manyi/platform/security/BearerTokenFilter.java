package org.manyi.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.manyi.platform.ApiTokenAuthenticator;
import org.manyi.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <personal API token>} on the API. */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";

  private final ApiTokenAuthenticator tokens;
  private final LoginThrottle throttle;
  private final ProblemWriter problems;

  BearerTokenFilter(ApiTokenAuthenticator tokens, LoginThrottle throttle, ProblemWriter problems) {
    this.tokens = tokens;
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    if (throttle.lockedUntil(null, address) != null) {
      problems.write(
          request, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", "login.locked");
      return;
    }
    Optional<Authentication> authentication =
        tokens.authenticate(header.substring(PREFIX.length()).trim());
    if (authentication.isEmpty()) {
      throttle.failed(null, address);
      problems.write(
          request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "api.token.invalid");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication.get());
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
