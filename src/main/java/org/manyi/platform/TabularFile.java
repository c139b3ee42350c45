package org.manyi.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an uploaded CSV or XLSX file as text, read one at a time so that a file of a million
 * rows never sits in memory. The format is recognised from the content, not the name. CSV files may
 * be UTF-8 (with or without BOM) or GB18030/GBK, as Excel in China saves them, separated by commas,
 * semicolons or tabs. XLSX date cells become ISO dates (2026-11-23), numbers plain digits (a phone
 * typed as a number stays 13812345678). The first row holds the column headings.
 */
public final class TabularFile implements AutoCloseable {

  /**
   * A data row.
   *
   * @param line the row's number in the file as a spreadsheet shows it (the header is line 1)
   */
  public record Row(long line, List<String> cells) {

    /** The trimmed cell at {@code column}, empty when the row is shorter. */
    public String cell(int column) {
      return column < cells.size() ? cells.get(column).strip() : "";
    }

    public boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  private static final int SNIFF = 64 * 1024;

  private final AutoCloseable source;
  private final Iterator<Row> rows;
  private final List<String> headers;

  private TabularFile(AutoCloseable source, Iterator<Row> rows) {
    this.source = source;
    this.rows = rows;
    this.headers =
        rows.hasNext() ? rows.next().cells().stream().map(String::strip).toList() : List.of();
  }

  /**
   * Opens a stored upload.
   *
   * @throws ProblemException 400 naming {@code file} when it is empty, an old binary Excel file or
   *     not readable as CSV or XLSX
   */
  public static TabularFile open(Path file) {
    try {
      byte[] head = new byte[SNIFF];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, SNIFF);
      }
      byte[] sniffed = Arrays.copyOf(head, n);
      if (n == 0) {
        throw ProblemException.invalid("file", "import.file.empty");
      }
      if (ReadableWorkbook.isOLE2Header(sniffed)) {
        throw ProblemException.invalid("file", "import.file.xls");
      }
      TabularFile opened =
          ReadableWorkbook.isOOXMLZipHeader(sniffed) ? xlsx(file) : csv(file, sniffed);
      if (opened.headers.isEmpty() || opened.headers.stream().allMatch(String::isBlank)) {
        opened.close();
        throw ProblemException.invalid("file", "import.file.noHeader");
      }
      return opened;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw ProblemException.invalid("file", "import.file.unreadable");
    }
  }

  /** The column headings as written in the first row. */
  public List<String> headers() {
    return headers;
  }

  /** The next row that is not entirely blank, or null at the end of the file. */
  public @Nullable Row next() {
    try {
      while (rows.hasNext()) {
        Row row = rows.next();
        if (!row.blank()) {
          return row;
        }
      }
      return null;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw ProblemException.invalid("file", "import.file.unreadable");
    }
  }

  @Override
  public void close() {
    try {
      source.close();
    } catch (Exception e) {
      // nothing was written; a failed close of a reader loses nothing
    }
  }

  private static TabularFile csv(Path file, byte[] head) throws IOException {
    Charset charset = charset(head);
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    if (charset == StandardCharsets.UTF_8 && hasBom(head)) {
      in.skipNBytes(3);
    }
    Reader reader = new InputStreamReader(in, charset);
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter(new String(head, charset))).get();
    CSVParser parser = CSVParser.parse(reader, format);
    Iterator<CSVRecord> records = parser.iterator();
    Iterator<Row> rows =
        new Iterator<>() {
          long line = 0;

          @Override
          public boolean hasNext() {
            return records.hasNext();
          }

          @Override
          public Row next() {
            CSVRecord record = records.next();
            line++;
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new Row(line, cells);
          }
        };
    return new TabularFile(parser, rows);
  }

  private static TabularFile xlsx(Path file) throws IOException {
    ReadableWorkbook workbook =
        new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    Stream<org.dhatim.fastexcel.reader.Row> stream = workbook.getFirstSheet().openStream();
    Iterator<org.dhatim.fastexcel.reader.Row> sheetRows = stream.iterator();
    Iterator<Row> rows =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return sheetRows.hasNext();
          }

          @Override
          public Row next() {
            org.dhatim.fastexcel.reader.Row row = sheetRows.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
              cells.add(text(row.getCell(i)));
            }
            return new Row(row.getRowNum(), cells);
          }
        };
    return new TabularFile(
        () -> {
          stream.close();
          workbook.close();
        },
        rows);
  }

  private static String text(@Nullable Cell cell) {
    if (cell == null) {
      return "";
    }
    return switch (cell.getType()) {
      case NUMBER -> isDate(cell) ? date(cell.asDate()) : plain(cell.asNumber());
      case STRING, FORMULA, BOOLEAN, ERROR -> cell.getText() == null ? "" : cell.getText();
      case EMPTY -> "";
    };
  }

  private static boolean isDate(Cell cell) {
    String format = cell.getDataFormatString();
    Integer id = cell.getDataFormatId();
    if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
      return true;
    }
    if (format == null) {
      return false;
    }
    // a number format is a date when it has day/month/year letters outside quotes and brackets
    String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
    return bare.contains("y") || bare.contains("d") || bare.contains("m") && !bare.contains("0");
  }

  private static String date(LocalDateTime value) {
    return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        ? value.toLocalDate().toString()
        : value.toString();
  }

  private static String plain(@Nullable BigDecimal number) {
    return number == null ? "" : number.stripTrailingZeros().toPlainString();
  }

  private static boolean hasBom(byte[] head) {
    return head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF;
  }

  /** UTF-8 when the sample decodes as UTF-8, otherwise GB18030 (a superset of GBK and GB2312). */
  static Charset charset(byte[] head) {
    if (hasBom(head)) {
      return StandardCharsets.UTF_8;
    }
    int end = head.length;
    // the sample may end inside a multi-byte character: cut back to a character boundary
    while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
      end--;
    }
    if (end > 0 && end < head.length && (head[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, end));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return Charset.forName("GB18030");
    }
  }

  /** The separator used most often in the first line: comma, semicolon or tab. */
  static char delimiter(String head) {
    int end = head.indexOf('\n');
    String first = end < 0 ? head : head.substring(0, end);
    char best = ',';
    long most = first.chars().filter(c -> c == ',').count();
    for (char candidate : new char[] {';', '\t'}) {
      long count = first.chars().filter(c -> c == candidate).count();
      if (count > most) {
        best = candidate;
        most = count;
      }
    }
    return best;
  }
}
