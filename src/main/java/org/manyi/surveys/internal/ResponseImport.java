package org.manyi.surveys.internal;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.customers.Customers;
import org.manyi.platform.ImportFiles;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.platform.TabularFile;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.SurveyId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports historical responses from CSV or XLSX (read through the platform's {@link TabularFile})
 * so a company's past surveys count: a header row naming question keys of the survey, plus {@code
 * date} (ISO date or date-time), optionally {@code channel} and {@code customer} (the customer's
 * external ID or phone number, so the answer counts in the breakdowns by the customer's city,
 * stage, owner, value tier and category). Runs as a job; rows are stored in batches, each batch in
 * one transaction, and every rejected row is reported with its line and reason.
 */
@Service
public class ResponseImport {

  public static final String JOB_TYPE = "survey-response-import";
  static final int BATCH = 500;
  static final int MAX_REPORTED_ERRORS = 1000;
  private static final String DATE = "date";
  private static final String CHANNEL = "channel";
  private static final String CUSTOMER = "customer";

  /** A rejected row: its line in the file (1 = header) and why. */
  public record RejectedRow(long line, String field, String code) {}

  /** The job's result. */
  public record Result(long rows, long imported, long rejected, List<RejectedRow> errors) {}

  private final SurveyRepository surveys;
  private final Jobs jobs;
  private final TransactionTemplate transactions;
  private final ImportFiles files;
  private final Customers customers;
  private final CustomerProfiles profiles;

  ResponseImport(
      SurveyRepository surveys,
      Jobs jobs,
      TransactionTemplate transactions,
      ImportFiles files,
      Customers customers,
      CustomerProfiles profiles) {
    this.surveys = surveys;
    this.jobs = jobs;
    this.transactions = transactions;
    this.files = files;
    this.customers = customers;
    this.profiles = profiles;
  }

  /**
   * Stores the upload, checks the header and starts the import job.
   *
   * @throws ProblemException 400 naming {@code file} when it is empty or unreadable, or its header
   *     has no date column or an unknown column
   */
  public UUID start(SurveyId surveyId, InputStream content, String owner) {
    Survey survey =
        surveys.find(surveyId).orElseThrow(() -> ProblemException.notFound("survey.notFound"));
    UUID file = files.store(content);
    Map<String, Integer> columns;
    try (TabularFile table = TabularFile.open(files.path(file))) {
      columns = columns(survey, table.headers());
    }
    Map<String, Integer> checked = columns;
    return jobs.submit(JOB_TYPE, owner, job -> run(survey, file, checked, job));
  }

  /** Column name → index, after checking that every column is known and a date is present. */
  private static Map<String, Integer> columns(Survey survey, List<String> header) {
    if (header.isEmpty()) {
      throw ProblemException.invalid("file", "import.empty");
    }
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).replace("\uFEFF", "").strip();
      if (column.isEmpty()) {
        continue;
      }
      if (!column.equals(DATE)
          && !column.equals(CHANNEL)
          && !column.equals(CUSTOMER)
          && survey.questions().stream().noneMatch(q -> q.key().equals(column))) {
        throw ProblemException.invalid("file", "import.column.unknown", column);
      }
      columns.put(column, i);
    }
    if (!columns.containsKey(DATE)) {
      throw ProblemException.invalid("file", "import.date.missing");
    }
    return columns;
  }

  private void run(Survey survey, UUID file, Map<String, Integer> columns, JobContext job) {
    try (TabularFile table = TabularFile.open(files.path(file))) {
      long total = 0;
      while (table.next() != null) {
        total++;
      }
      job.total(total);
    }
    long rows = 0;
    long imported = 0;
    List<RejectedRow> errors = new ArrayList<>();
    long rejected = 0;
    List<Pending> batch = new ArrayList<>();
    try (TabularFile table = TabularFile.open(files.path(file))) {
      TabularFile.Row row;
      while ((row = table.next()) != null) {
        rows++;
        try {
          batch.add(pending(survey, columns, row));
        } catch (ProblemException e) {
          rejected++;
          if (errors.size() < MAX_REPORTED_ERRORS) {
            ProblemException.FieldProblem field = e.firstField();
            errors.add(
                new RejectedRow(
                    row.line(),
                    field == null ? "" : field.field(),
                    field == null ? e.code() : field.code()));
          }
        }
        if (batch.size() == BATCH) {
          int size = batch.size();
          long stored = store(survey, batch, errors);
          imported += stored;
          rejected += size - stored;
          job.processed(rows);
          job.checkCancelled();
        }
      }
      int size = batch.size();
      long stored = store(survey, batch, errors);
      imported += stored;
      rejected += size - stored;
      job.processed(rows);
    } finally {
      job.message("imported " + imported + " of " + rows + " rows; rejected " + rejected);
      job.result(new Result(rows, imported, rejected, errors));
      try {
        java.nio.file.Files.deleteIfExists(files.path(file));
      } catch (java.io.IOException e) {
        // removed at the next start-up with other old uploads
      }
    }
  }

  private record Pending(
      long line, Instant at, String channel, String customer, List<Answers.Item> items) {}

  private static Pending pending(Survey survey, Map<String, Integer> columns, TabularFile.Row row) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Question q : survey.questions()) {
      Integer column = columns.get(q.key());
      String value = column == null ? "" : row.cell(column);
      if (value.isBlank()) {
        continue;
      }
      answers.put(
          q.key(), q.type() == QuestionType.MULTI_CHOICE ? List.of(value.split(";")) : value);
    }
    List<Answers.Item> items = Answers.check(survey.questions(), answers);
    String channel = columns.containsKey(CHANNEL) ? row.cell(columns.get(CHANNEL)) : "";
    String customer = columns.containsKey(CUSTOMER) ? row.cell(columns.get(CUSTOMER)) : "";
    return new Pending(
        row.line(),
        date(row.cell(columns.get(DATE))),
        channel.isBlank() ? "IMPORT" : channel.strip().toUpperCase(Locale.ROOT),
        customer.strip(),
        items);
  }

  /**
   * Past answers publish no SurveyAnswered: a detractor of last year needs no recovery case today.
   * Customer references are matched by external ID, then phone; a row naming a customer nobody is
   * rejected rather than counted as anonymous.
   */
  private long store(Survey survey, List<Pending> batch, List<RejectedRow> errors) {
    if (batch.isEmpty()) {
      return 0;
    }
    List<String> references =
        batch.stream().map(Pending::customer).filter(c -> !c.isEmpty()).distinct().toList();
    Map<String, CustomerId> found = new HashMap<>();
    if (!references.isEmpty()) {
      found.putAll(customers.findByExternalIds(references));
      List<String> rest = references.stream().filter(r -> !found.containsKey(r)).toList();
      if (!rest.isEmpty()) {
        found.putAll(customers.findByPhones(rest));
      }
    }
    Map<CustomerId, CustomerProfiles.Profile> known = new HashMap<>();
    long[] stored = {0};
    transactions.executeWithoutResult(
        status -> {
          for (Pending p : batch) {
            CustomerId customer = null;
            if (!p.customer().isEmpty()) {
              customer = found.get(p.customer());
              if (customer == null) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                  errors.add(new RejectedRow(p.line(), CUSTOMER, "import.customer.unknown"));
                }
                continue;
              }
            }
            CustomerProfiles.Profile profile =
                customer == null
                    ? CustomerProfiles.Profile.ANONYMOUS
                    : known.computeIfAbsent(customer, c -> profiles.profile(c.value()));
            surveys.insertResponse(
                UUID.randomUUID(),
                survey,
                customer == null ? null : customer.value(),
                p.channel(),
                null,
                p.at(),
                p.items(),
                profile);
            stored[0]++;
          }
        });
    batch.clear();
    return stored[0];
  }

  static Instant date(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(DATE, "import.date.invalid");
    }
    String text = value.strip();
    try {
      return text.length() <= 10
          ? LocalDate.parse(text).atStartOfDay(SatisfactionMetrics.ZONE).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(DATE, "import.date.invalid");
    }
  }
}
