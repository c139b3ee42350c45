package org.manyi.orders.internal;

import java.util.List;
import org.manyi.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A 400 naming every rejected field of an order at once, such as {@code items[2].quantity}. */
public class OrderProblems extends ProblemException {

  OrderProblems(List<FieldProblem> fields) {
    super(
        HttpStatus.BAD_REQUEST,
        "validation-error",
        "problem.validation",
        new Object[0],
        List.copyOf(fields));
  }
}
