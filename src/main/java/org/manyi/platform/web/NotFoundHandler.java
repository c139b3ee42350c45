package org.manyi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path no controller serves: a problem body under {@code /api}, the ordinary error page
 * elsewhere. No controller advice with a type filter sees these, as no controller is involved.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundHandler {

  private final MessageSource messages;

  NotFoundHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  @Nullable ResponseEntity<ProblemDetail> notFound(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!request.getRequestURI().startsWith("/api/")) {
      response.sendError(HttpStatus.NOT_FOUND.value());
      return null;
    }
    var locale = LocaleContextHolder.getLocale();
    ProblemDetail body = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
    body.setType(URI.create("not-found"));
    body.setTitle(messages.getMessage("problem.title.404", null, "Not found", locale));
    body.setDetail(messages.getMessage("error.404", null, "Not found", locale));
    body.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
  }
}
