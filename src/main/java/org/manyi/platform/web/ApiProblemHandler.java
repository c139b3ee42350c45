package org.manyi.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of the JSON API as an RFC 9457 problem. Bad input is a 400 that names each field, in
 * the caller's language; it never becomes a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  /** One rejected field of a request body or parameter. */
  record FieldMessage(String field, String message) {}

  private final MessageSource messages;

  ApiProblemHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    ProblemDetail body = ProblemDetail.forStatus(e.status());
    body.setType(URI.create(e.type()));
    body.setTitle(text("problem.title." + e.status().value(), e.status().getReasonPhrase()));
    body.setDetail(text(e.code(), e.code(), e.args()));
    body.setProperty("code", e.code());
    if (!e.fields().isEmpty()) {
      body.setProperty(
          "errors",
          e.fields().stream()
              .map(f -> new FieldMessage(f.field(), text(f.code(), f.code(), f.args())))
              .toList());
    }
    e.properties().forEach(body::setProperty);
    return ResponseEntity.status(e.status()).body(body);
  }

  /** A unique key hit by a concurrent request: report a conflict, not a server error. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    ProblemDetail body = ProblemDetail.forStatus(HttpStatus.CONFLICT);
    body.setType(URI.create("conflict"));
    body.setTitle(text("problem.title.409", "Conflict"));
    body.setDetail(text("problem.integrity", "The change conflicts with existing data."));
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return validation(
        List.of(new FieldMessage(e.getName(), text("problem.field.type", "has the wrong type"))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldMessage> fields = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      fields.add(new FieldMessage(error.getField(), resolve(error)));
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> fields.add(new FieldMessage(error.getObjectName(), resolve(error))));
    return asObject(validation(fields));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldMessage> fields = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            fields.add(
                                new FieldMessage(
                                    result.getMethodParameter().getParameterName() == null
                                        ? "parameter"
                                        : result.getMethodParameter().getParameterName(),
                                    messages.getMessage(error, locale())))));
    return asObject(validation(fields));
  }

  /** Malformed JSON or a value of the wrong type: name the JSON path when Jackson knows it. */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = "body";
    String message = text("problem.body.unreadable", "is not valid JSON");
    if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      field = path(jackson);
      message = text("problem.field.type", "has the wrong type");
    }
    return asObject(validation(List.of(new FieldMessage(field, message))));
  }

  private ResponseEntity<ProblemDetail> validation(List<FieldMessage> fields) {
    ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    body.setType(URI.create("validation-error"));
    body.setTitle(text("problem.title.400", "Bad Request"));
    body.setDetail(
        text(
            "problem.validation.detail",
            "Some fields are invalid",
            String.join(", ", fields.stream().map(FieldMessage::field).toList())));
    body.setProperty("code", "problem.validation");
    body.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(body);
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private String resolve(org.springframework.context.MessageSourceResolvable error) {
    return messages.getMessage(error, locale());
  }

  private String text(String code, String fallback, Object... args) {
    return messages.getMessage(code, args, fallback, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
    return (ResponseEntity) entity;
  }
}
