package org.manyi.orders.internal;

import static org.manyi.platform.ImportField.optional;
import static org.manyi.platform.ImportField.required;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ColumnMapping;
import org.manyi.platform.ImportField;
import org.manyi.platform.ImportFiles;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.platform.TabularFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order imports from CSV or XLSX through the same upsert as the batch API: one row per line item,
 * consecutive rows with the same channel and order number forming one order (order-level columns
 * are read from its first row). Orders are written in chunks of {@link #CHUNK}, each chunk in one
 * transaction; importing the same file again changes nothing. A dry run does the same work in
 * transactions that are rolled back, so its counts are what an import would do.
 */
@Service
public class OrderImports {

  public static final String JOB_TYPE = "order-import";
  static final int CHUNK = 1000;
  static final int REPORTED_PROBLEMS = 1000;
  static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

  static final List<ImportField> FIELDS =
      List.of(
          required("externalId", "订单号", "订单编号", "外部订单号", "order id", "order no", "order number"),
          required("orderedAt", "下单时间", "订单时间", "付款时间", "日期", "order date", "ordered at", "date"),
          optional("channel", "渠道", "平台", "销售渠道", "来源"),
          optional("store", "门店", "店铺", "shop"),
          optional("customerId", "客户ID", "manyi id"),
          optional(
              "customerExternalId", "会员号", "会员编号", "客户编号", "member id", "customer external id"),
          optional("customerPhone", "手机", "手机号", "电话", "联系电话", "phone", "mobile"),
          optional("customerName", "姓名", "客户姓名", "收货人", "买家", "customer", "customer name", "name"),
          optional("sku", "商品编码", "货号", "sku code"),
          optional("itemName", "商品名称", "商品", "品名", "product", "item", "item name"),
          optional("category", "品类", "类目", "分类", "category"),
          optional("quantity", "数量", "qty"),
          optional("unitPrice", "单价", "price", "unit price"),
          optional("discount", "优惠", "优惠金额", "折扣金额"),
          optional("total", "实付", "实付金额", "订单金额", "总价", "amount", "order total"),
          optional("currency", "币种"),
          optional("status", "状态", "订单状态", "order status"));

  private static final Map<String, String> STATUSES =
      Map.of(
          "已支付", "PAID",
          "已付款", "PAID",
          "已完成", "PAID",
          "已取消", "CANCELLED",
          "已退款", "REFUNDED",
          "部分退款", "PARTIALLY_REFUNDED");

  private static final List<DateTimeFormatter> DATE_TIMES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]"),
          DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]"),
          DateTimeFormatter.ISO_LOCAL_DATE_TIME);

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-M-d"),
          DateTimeFormatter.ofPattern("uuuu/M/d"),
          DateTimeFormatter.ofPattern("uuuuMMdd"));

  /** A rejected order: the file line of its first row, the field and the reason (a message key). */
  public record RowProblem(long line, String field, String code) {}

  /** What an import (or its dry run) did. */
  public record Report(
      boolean dryRun,
      long rows,
      long orders,
      long created,
      long updated,
      long unchanged,
      long rejected,
      Map<String, String> mapping,
      List<RowProblem> problems) {}

  private final OrderIngestion ingestion;
  private final ImportFiles files;
  private final Jobs jobs;
  private final TransactionTemplate transactions;

  OrderImports(
      OrderIngestion ingestion, ImportFiles files, Jobs jobs, TransactionTemplate transactions) {
    this.ingestion = ingestion;
    this.files = files;
    this.jobs = jobs;
    this.transactions = transactions;
  }

  /** Stores an upload, checks that it can be read and that every required field has a column. */
  public Upload upload(InputStream content, @Nullable Map<String, String> mapping) {
    UUID file = files.store(content);
    try (TabularFile table = TabularFile.open(files.path(file))) {
      ColumnMapping columns =
          (mapping == null
                  ? ColumnMapping.suggest(table.headers(), FIELDS)
                  : ColumnMapping.of(mapping, table.headers(), FIELDS))
              .requireAll(FIELDS);
      return new Upload(file, columns.asHeadings());
    }
  }

  /** An upload stored earlier (checked on a page), with the mapping its headings suggest. */
  public Upload reopen(UUID file) {
    if (!files.exists(file)) {
      throw ProblemException.notFound("orders.import.gone");
    }
    try (TabularFile table = TabularFile.open(files.path(file))) {
      return new Upload(
          file, ColumnMapping.suggest(table.headers(), FIELDS).requireAll(FIELDS).asHeadings());
    }
  }

  /** A stored upload and its column mapping (field → heading). */
  public record Upload(UUID file, Map<String, String> mapping) {}

  /** Does everything an import would and rolls it back; the report says what would happen. */
  public Report dryRun(Upload upload, OrderIngestion.UnknownCustomer unknown, CurrentUser me) {
    return run(upload, unknown, me, false, null);
  }

  /** Starts the import as a background job; its result is the {@link Report}. */
  public UUID start(Upload upload, OrderIngestion.UnknownCustomer unknown, CurrentUser me) {
    return jobs.submit(
        JOB_TYPE,
        me.username(),
        job -> {
          Report report = run(upload, unknown, me, true, job);
          job.message(
              "orders %d: created %d, updated %d, unchanged %d, rejected %d"
                  .formatted(
                      report.orders(),
                      report.created(),
                      report.updated(),
                      report.unchanged(),
                      report.rejected()));
          report.problems().stream()
              .limit(20)
              .forEach(p -> job.message("line %d: %s %s".formatted(p.line(), p.field(), p.code())));
          job.result(report);
        });
  }

  private Report run(
      Upload upload,
      OrderIngestion.UnknownCustomer unknown,
      CurrentUser me,
      boolean write,
      @Nullable JobContext job) {
    Counts counts = new Counts();
    try (TabularFile table = TabularFile.open(files.path(upload.file()))) {
      ColumnMapping columns = ColumnMapping.of(upload.mapping(), table.headers(), FIELDS);
      List<OrderInput> chunk = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      Group group = null;
      TabularFile.Row row;
      while ((row = table.next()) != null) {
        counts.rows++;
        String key = columns.value(row, "channel") + "\u0000" + columns.value(row, "externalId");
        if (group != null && group.key.equals(key)) {
          group.add(columns, row);
          continue;
        }
        if (group != null) {
          chunk.add(group.input());
          lines.add(group.line);
          if (chunk.size() == CHUNK) {
            write(chunk, lines, unknown, me, write, counts);
            chunk.clear();
            lines.clear();
            if (job != null) {
              job.processed(counts.rows);
              job.checkCancelled();
            }
          }
        }
        group = new Group(key, row.line(), columns, row);
      }
      if (group != null) {
        chunk.add(group.input());
        lines.add(group.line);
      }
      if (!chunk.isEmpty()) {
        write(chunk, lines, unknown, me, write, counts);
      }
    }
    if (job != null) {
      job.total(counts.rows);
      job.processed(counts.rows);
    }
    return new Report(
        !write,
        counts.rows,
        counts.orders,
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        upload.mapping(),
        List.copyOf(counts.problems));
  }

  private void write(
      List<OrderInput> chunk,
      List<Long> lines,
      OrderIngestion.UnknownCustomer unknown,
      CurrentUser me,
      boolean write,
      Counts counts) {
    List<OrderIngestion.Result> results =
        transactions.execute(
            tx -> {
              List<OrderIngestion.Result> done = ingestion.upsertAll(chunk, unknown, me);
              if (!write) {
                tx.setRollbackOnly();
              }
              return done;
            });
    for (OrderIngestion.Result result : Objects.requireNonNull(results)) {
      counts.orders++;
      switch (result.status()) {
        case CREATED -> counts.created++;
        case UPDATED -> counts.updated++;
        case UNCHANGED -> counts.unchanged++;
        case REJECTED -> {
          counts.rejected++;
          for (ProblemException.FieldProblem p : result.problems()) {
            if (counts.problems.size() < REPORTED_PROBLEMS) {
              counts.problems.add(new RowProblem(lines.get(result.index()), p.field(), p.code()));
            }
          }
        }
      }
    }
  }

  private static final class Counts {
    long rows;
    long orders;
    long created;
    long updated;
    long unchanged;
    long rejected;
    final List<RowProblem> problems = new ArrayList<>();
  }

  /** The rows of one order. */
  private static final class Group {
    final String key;
    final long line;
    final ColumnMapping columns;
    final TabularFile.Row first;
    final List<OrderInput.ItemInput> items = new ArrayList<>();

    Group(String key, long line, ColumnMapping columns, TabularFile.Row first) {
      this.key = key;
      this.line = line;
      this.columns = columns;
      this.first = first;
      add(columns, first);
    }

    void add(ColumnMapping columns, TabularFile.Row row) {
      if (columns.value(row, "sku") == null
          && columns.value(row, "itemName") == null
          && columns.value(row, "unitPrice") == null) {
        return; // an order-level row without an item
      }
      items.add(
          new OrderInput.ItemInput(
              columns.value(row, "sku"),
              columns.value(row, "itemName"),
              columns.value(row, "category"),
              integer(columns.value(row, "quantity"), "quantity"),
              number(columns.value(row, "unitPrice"), "unitPrice")));
    }

    OrderInput input() {
      return new OrderInput(
          columns.value(first, "externalId"),
          columns.value(first, "customerId"),
          columns.value(first, "customerExternalId"),
          columns.value(first, "customerPhone"),
          columns.value(first, "customerName"),
          orderedAt(columns.value(first, "orderedAt")),
          columns.value(first, "channel"),
          columns.value(first, "store"),
          items,
          number(columns.value(first, "discount"), "discount"),
          number(columns.value(first, "total"), "total"),
          columns.value(first, "currency"),
          status(columns.value(first, "status")),
          null);
    }

    /** An unreadable number is passed on as null; the order rules then name the field. */
    private @Nullable BigDecimal number(@Nullable String value, String field) {
      if (value == null) {
        return null;
      }
      try {
        return new BigDecimal(value.replaceAll("[¥￥,，\\s]", ""));
      } catch (NumberFormatException e) {
        return BigDecimal.valueOf(-1);
      }
    }

    private @Nullable Integer integer(@Nullable String value, String field) {
      BigDecimal n = number(value, field);
      try {
        return n == null ? null : n.intValueExact();
      } catch (ArithmeticException e) {
        return -1;
      }
    }
  }

  /**
   * An ISO date-time with offset as the order rules expect; local times and plain dates (as shops
   * export them) are taken in China's time zone. Unreadable text is passed on for the rules to
   * reject by name.
   */
  static @Nullable String orderedAt(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    try {
      return OffsetDateTime.parse(text).toString();
    } catch (DateTimeParseException e) {
      // not ISO with an offset: try the local notations below
    }
    for (DateTimeFormatter format : DATE_TIMES) {
      try {
        return LocalDateTime.parse(text, format)
            .atZone(BUSINESS_ZONE)
            .toOffsetDateTime()
            .toString();
      } catch (DateTimeParseException e) {
        // next notation
      }
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(text, format)
            .atStartOfDay(BUSINESS_ZONE)
            .toOffsetDateTime()
            .toString();
      } catch (DateTimeParseException e) {
        // next notation
      }
    }
    return text;
  }

  static @Nullable String status(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String mapped = STATUSES.get(value.strip());
    return mapped != null ? mapped : value.strip().toUpperCase(Locale.ROOT);
  }
}
