package org.manyi.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows of text to CSV (UTF-8 with BOM, so Excel shows Chinese correctly) or XLSX, streaming,
 * with every cell escaped against formula injection: a value starting with {@code = + - @}, tab or
 * carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text instead of
 * running it.
 */
public abstract sealed class TabularWriter implements AutoCloseable {

  /** The two file formats of exports. */
  public enum Format {
    /** Comma-separated text. */
    CSV,
    /** Office Open XML workbook. */
    XLSX;

    public String mediaType() {
      return this == CSV
          ? "text/csv;charset=UTF-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    public String extension() {
      return name().toLowerCase();
    }
  }

  public static TabularWriter open(Format format, OutputStream out) {
    return format == Format.CSV ? new Csv(out) : new Xlsx(out);
  }

  /** Writes one row. */
  public abstract void row(List<@Nullable String> cells);

  @Override
  public abstract void close();

  /** The value made safe to open in a spreadsheet. */
  public static String safe(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + value
        : value;
  }

  private static final class Csv extends TabularWriter {
    private final CSVPrinter printer;

    Csv(OutputStream out) {
      try {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void row(List<@Nullable String> cells) {
      try {
        printer.printRecord(cells.stream().map(TabularWriter::safe).toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        printer.close(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Xlsx extends TabularWriter {
    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    Xlsx(OutputStream out) {
      this.workbook = new Workbook(out, "Manyi", "1.0");
      this.sheet = workbook.newWorksheet("Sheet1");
    }

    @Override
    public void row(List<@Nullable String> cells) {
      for (int c = 0; c < cells.size(); c++) {
        String value = safe(cells.get(c));
        if (!value.isEmpty()) {
          sheet.value(row, c, value);
        }
      }
      row++;
      if (row % 10_000 == 0) {
        try {
          sheet.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    public void close() {
      try {
        workbook.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
