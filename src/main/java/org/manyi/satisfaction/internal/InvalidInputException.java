package org.manyi.satisfaction.internal;

import java.util.List;
import org.manyi.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A 400 naming every rejected field at once, so that an editor shows all its problems together
 * rather than one per submit.
 */
public class InvalidInputException extends ProblemException {

  private static final long serialVersionUID = 1L;

  InvalidInputException(List<FieldProblem> fields) {
    super(HttpStatus.BAD_REQUEST, "validation-error", "problem.validation", new Object[0], fields);
  }
}
