package org.manyi.customers.internal;

import java.time.Instant;
import java.util.UUID;
import org.manyi.platform.ProblemException;

/**
 * A named customer list view of one user: the list's filters and sort as a query string such as
 * {@code stage=ACTIVE&city=上海&sort=name&desc=false}.
 */
public record SavedView(UUID id, String name, String query, Instant createdAt) {

  static final int MAX_NAME = 64;
  static final int MAX_QUERY = 1000;

  public SavedView {
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw ProblemException.invalid("name", "customer.view.name.required");
    }
    if (name.length() > MAX_NAME) {
      throw ProblemException.invalid("name", "customer.field.tooLong", MAX_NAME);
    }
    query = query == null ? "" : query.strip();
    if (query.startsWith("?")) {
      query = query.substring(1);
    }
    if (query.length() > MAX_QUERY || query.contains("://")) {
      throw ProblemException.invalid("query", "customer.view.query.invalid");
    }
  }
}
