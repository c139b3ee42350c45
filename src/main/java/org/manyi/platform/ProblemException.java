package org.manyi.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, rendered as an RFC 9457 problem on the API and as a form or
 * flash message on pages. Messages are bundle codes, resolved in the caller's language.
 */
public class ProblemException extends RuntimeException {

  /** One rejected field with the bundle code of its message. */
  public record FieldProblem(String field, String code, Object... args) {}

  private final HttpStatus status;
  private final String type;
  private final String code;
  private final Object[] args;
  private final List<FieldProblem> fields;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  protected ProblemException(
      HttpStatus status, String type, String code, Object[] args, List<FieldProblem> fields) {
    super(code);
    this.status = status;
    this.type = type;
    this.code = code;
    this.args = args.clone();
    this.fields = List.copyOf(fields);
  }

  /** 404: the thing does not exist, or the caller may not know that it does. */
  public static ProblemException notFound(String code, Object... args) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", code, args, List.of());
  }

  /** 400 naming one field. */
  public static ProblemException invalid(String field, String code, Object... args) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        "validation-error",
        "problem.validation",
        new Object[0],
        List.of(new FieldProblem(field, code, args)));
  }

  /** 409: the request clashes with the current state (a duplicate, an illegal transition). */
  public static ProblemException conflict(String type, String code, Object... args) {
    return new ProblemException(HttpStatus.CONFLICT, type, code, args, List.of());
  }

  /** 409 naming the field whose value clashes, such as a username already taken. */
  public static ProblemException conflictOn(
      String field, String type, String code, Object... args) {
    return new ProblemException(
        HttpStatus.CONFLICT, type, code, args, List.of(new FieldProblem(field, code, args)));
  }

  /** 429: the caller sent too many requests of this kind; try again later. */
  public static ProblemException tooMany(String type, String code, Object... args) {
    return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, type, code, args, List.of());
  }

  /** Adds an extension member to the problem body, such as the candidates of a duplicate. */
  public ProblemException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }

  public List<FieldProblem> fields() {
    return fields;
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  public @Nullable FieldProblem firstField() {
    return fields.isEmpty() ? null : fields.get(0);
  }
}
