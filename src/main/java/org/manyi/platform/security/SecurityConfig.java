package org.manyi.platform.security;

import org.manyi.platform.ApiTokenAuthenticator;
import org.manyi.platform.web.ProblemWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors. The JSON API and actuator: stateless, HTTP Basic or a personal bearer token, 401/403
 * as problem details (never a redirect). The pages: form sign-in with a session, CSRF on every
 * form, redirects to the sign-in page. Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

  /** Scripts only from our own origin: htmx, ECharts and Bootstrap come from WebJars. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
          + " form-action 'self'; base-uri 'self'; object-src 'none'";

  private static final String[] PUBLIC_PAGES = {
    "/login",
    "/error",
    "/webjars/**",
    "/css/**",
    "/js/**",
    "/img/**",
    "/favicon.ico",
    "/v3/api-docs/**",
    "/swagger-ui/**",
    "/swagger-ui.html",
    // public pages for customers: survey links and the self-service portal
    "/s/**",
    "/portal",
    "/portal/**"
  };

  private static final String PUBLIC_API = "/api/v1/public/**";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Makes sign-in successes and failures events, which {@link LoginThrottle} counts. */
  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
    return new DefaultAuthenticationEventPublisher(publisher);
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ApiTokenAuthenticator tokens,
      LoginThrottle throttle,
      ProblemWriter problems)
      throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"Manyi\", Bearer");
          problems.write(
              request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "api.unauthorized");
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "api.forbidden");
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    // customers answer surveys through links whose token is the credential
                    .requestMatchers(PUBLIC_API)
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
        .addFilterBefore(
            new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // no cookies are accepted here, so there is no ambient credential to forge requests with
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .headers(this::headers);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, ProblemWriter problems)
      throws Exception {
    LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    AuthenticationEntryPoint signIn =
        (request, response, e) -> {
          if (request.getHeader("HX-Request") != null) {
            // an htmx call after the session expired: send the whole page to sign-in
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
          } else {
            loginPage.commence(request, response, e);
          }
        };
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(PUBLIC_PAGES)
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureUrl("/login?error")
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn))
        .headers(this::headers);
    return http.build();
  }

  private void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(frame -> frame.deny())
        .contentTypeOptions(options -> {})
        .referrerPolicy(
            referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
  }
}
