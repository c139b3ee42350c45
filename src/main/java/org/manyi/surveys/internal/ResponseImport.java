package org.manyi.surveys.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.SurveyId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports historical responses from CSV so a company's past surveys count: a header row naming
 * question keys of the survey, plus {@code date} (ISO date or date-time) and optionally {@code
 * channel}. Runs as a job; rows are stored in batches, each batch in one transaction, and every
 * rejected row is reported with its line and reason.
 */
@Service
public class ResponseImport {

  public static final String JOB_TYPE = "survey-response-import";
  static final int BATCH = 500;
  static final int MAX_REPORTED_ERRORS = 1000;
  private static final String DATE = "date";
  private static final String CHANNEL = "channel";

  /** A rejected row: its line in the file (1 = header) and why. */
  public record RejectedRow(long line, String field, String code) {}

  /** The job's result. */
  public record Result(long rows, long imported, long rejected, List<RejectedRow> errors) {}

  private final SurveyRepository surveys;
  private final Jobs jobs;
  private final TransactionTemplate transactions;

  ResponseImport(SurveyRepository surveys, Jobs jobs, TransactionTemplate transactions) {
    this.surveys = surveys;
    this.jobs = jobs;
    this.transactions = transactions;
  }

  /**
   * Checks the header and starts the import job.
   *
   * @throws ProblemException 400 naming {@code file} when it is empty or its header has no date
   *     column or an unknown column
   */
  public UUID start(SurveyId surveyId, byte[] file, String owner) {
    Survey survey =
        surveys.find(surveyId).orElseThrow(() -> ProblemException.notFound("survey.notFound"));
    String text = new String(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<String> header = header(text);
    if (!header.contains(DATE)) {
      throw ProblemException.invalid("file", "import.date.missing");
    }
    for (String column : header) {
      if (!column.equals(DATE)
          && !column.equals(CHANNEL)
          && survey.questions().stream().noneMatch(q -> q.key().equals(column))) {
        throw ProblemException.invalid("file", "import.column.unknown", column);
      }
    }
    return jobs.submit(JOB_TYPE, owner, job -> run(survey, text, job));
  }

  private void run(Survey survey, String text, JobContext job) throws IOException {
    long total = text.lines().count() - 1;
    job.total(Math.max(total, 0));
    long rows = 0;
    long imported = 0;
    List<RejectedRow> errors = new ArrayList<>();
    long rejected = 0;
    List<Pending> batch = new ArrayList<>();
    try (CSVParser parser = format().parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        rows++;
        try {
          batch.add(pending(survey, record));
        } catch (ProblemException e) {
          rejected++;
          if (errors.size() < MAX_REPORTED_ERRORS) {
            ProblemException.FieldProblem field = e.firstField();
            errors.add(
                new RejectedRow(
                    record.getRecordNumber() + 1,
                    field == null ? "" : field.field(),
                    field == null ? e.code() : field.code()));
          }
        }
        if (batch.size() == BATCH) {
          imported += store(survey, batch);
          job.processed(rows);
          job.checkCancelled();
        }
      }
      imported += store(survey, batch);
      job.processed(rows);
    } finally {
      job.message("imported " + imported + " of " + rows + " rows; rejected " + rejected);
      job.result(new Result(rows, imported, rejected, errors));
    }
  }

  private record Pending(Instant at, String channel, List<Answers.Item> items) {}

  private static Pending pending(Survey survey, CSVRecord record) {
    Map<String, Object> answers = new LinkedHashMap<>();
    Map<String, String> values = record.toMap();
    for (Question q : survey.questions()) {
      String value = values.get(q.key());
      if (value == null || value.isBlank()) {
        continue;
      }
      answers.put(
          q.key(), q.type() == QuestionType.MULTI_CHOICE ? List.of(value.split(";")) : value);
    }
    List<Answers.Item> items = Answers.check(survey.questions(), answers);
    String channel = values.getOrDefault(CHANNEL, "");
    return new Pending(
        date(values.get(DATE)),
        channel.isBlank() ? "IMPORT" : channel.strip().toUpperCase(Locale.ROOT),
        items);
  }

  /**
   * Past answers publish no SurveyAnswered: a detractor of last year needs no recovery case today.
   */
  private long store(Survey survey, List<Pending> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    int size = batch.size();
    transactions.executeWithoutResult(
        status -> {
          for (Pending p : batch) {
            surveys.insertResponse(
                UUID.randomUUID(), survey, null, p.channel(), null, p.at(), p.items());
          }
        });
    batch.clear();
    return size;
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

  private static CSVFormat format() {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
  }

  private static List<String> header(String text) {
    try (CSVParser parser = format().parse(new StringReader(text))) {
      List<String> names = parser.getHeaderNames();
      if (names.isEmpty()) {
        throw ProblemException.invalid("file", "import.empty");
      }
      return names;
    } catch (IOException | IllegalArgumentException e) {
      throw ProblemException.invalid("file", "import.unreadable");
    }
  }
}
