package org.manyi.customers.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a check found or a run did.
 *
 * @param dryRun true for a check: the counts say what an import would do
 * @param problems the first rejected rows (at most {@link CustomerImports#REPORTED_PROBLEMS}), in
 *     file order; the full list is downloadable
 * @param possibleDuplicates rows that created a customer resembling an existing one
 * @param warnings the first of those rows (at most {@link CustomerImports#REPORTED_PROBLEMS})
 */
public record ImportReport(
    UUID importId,
    boolean dryRun,
    long rows,
    long rejected,
    long created,
    long updated,
    long unchanged,
    int batches,
    Map<String, String> mapping,
    List<RowProblem> problems,
    long possibleDuplicates,
    List<RowWarning> warnings) {

  /**
   * A rejected row.
   *
   * @param line the row's line in the file (the header is line 1)
   * @param code the reason as a message key
   * @param detail the offending value or limit, when it helps
   */
  public record RowProblem(long line, String field, String code, String detail) {}

  /**
   * A row that created a customer who looks like an existing one.
   *
   * @param reason what they share: EMAIL or NAME_AND_BIRTHDAY
   * @param customerId the existing customer
   */
  public record RowWarning(long line, DuplicateReason reason, UUID customerId) {}
}
