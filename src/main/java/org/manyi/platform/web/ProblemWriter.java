package org.manyi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem body from places outside Spring MVC (security filters), in the same shape and
 * language as {@link ApiProblemHandler}.
 */
@Component
public class ProblemWriter {

  private final JsonMapper json;
  private final MessageSource messages;
  private final LocaleResolver locales;

  ProblemWriter(JsonMapper json, MessageSource messages, LocaleResolver locales) {
    this.json = json;
    this.messages = messages;
    this.locales = locales;
  }

  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String code,
      Object... args)
      throws IOException {
    var locale = locales.resolveLocale(request);
    ProblemDetail body = ProblemDetail.forStatus(status);
    body.setType(URI.create(type));
    body.setTitle(
        messages.getMessage(
            "problem.title." + status.value(), null, status.getReasonPhrase(), locale));
    body.setDetail(messages.getMessage(code, args, code, locale));
    body.setProperty("code", code);
    body.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(body));
  }
}
