package org.manyi.satisfaction.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A minimal Office Open XML workbook writer: sheets of text and numbers with inline strings, which
 * Excel, WPS and LibreOffice open. Written by hand because a results table needs none of what a
 * spreadsheet library brings along.
 */
final class Xlsx {

  private final Map<String, List<List<@Nullable Object>>> sheets = new LinkedHashMap<>();

  /** Adds a sheet; its first row is shown as given, usually the column headings. */
  Xlsx sheet(String name, List<List<@Nullable Object>> rows) {
    sheets.put(name, rows);
    return this;
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, "[Content_Types].xml", contentTypes());
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
              + "</Relationships>");
      entry(zip, "xl/workbook.xml", workbook());
      entry(zip, "xl/_rels/workbook.xml.rels", workbookRels());
      int index = 1;
      for (List<List<@Nullable Object>> rows : sheets.values()) {
        entry(zip, "xl/worksheets/sheet" + index + ".xml", sheetXml(rows));
        index++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private String contentTypes() {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
    for (int i = 1; i <= sheets.size(); i++) {
      xml.append("<Override PartName=\"/xl/worksheets/sheet")
          .append(i)
          .append(
              ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
    }
    return xml.append("</Types>").toString();
  }

  private String workbook() {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets>");
    int i = 1;
    for (String name : sheets.keySet()) {
      xml.append("<sheet name=\"")
          .append(escape(sheetName(name)))
          .append("\" sheetId=\"")
          .append(i)
          .append("\" r:id=\"rId")
          .append(i)
          .append("\"/>");
      i++;
    }
    return xml.append("</sheets></workbook>").toString();
  }

  private String workbookRels() {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (int i = 1; i <= sheets.size(); i++) {
      xml.append("<Relationship Id=\"rId")
          .append(i)
          .append(
              "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                  + " Target=\"worksheets/sheet")
          .append(i)
          .append(".xml\"/>");
    }
    return xml.append("</Relationships>").toString();
  }

  private static String sheetXml(List<List<@Nullable Object>> rows) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>");
    for (int r = 0; r < rows.size(); r++) {
      xml.append("<row r=\"").append(r + 1).append("\">");
      List<@Nullable Object> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        Object value = row.get(c);
        String ref = column(c) + (r + 1);
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
          xml.append("<c r=\"").append(ref).append("\"><v>").append(number).append("</v></c>");
        } else if (value != null) {
          xml.append("<c r=\"")
              .append(ref)
              .append("\" t=\"inlineStr\"><is><t>")
              .append(escape(value.toString()))
              .append("</t></is></c>");
        }
      }
      xml.append("</row>");
    }
    return xml.append("</sheetData></worksheet>").toString();
  }

  /** A, B, ..., Z, AA, AB, ... */
  static String column(int index) {
    StringBuilder name = new StringBuilder();
    int i = index + 1;
    while (i > 0) {
      int rest = (i - 1) % 26;
      name.insert(0, (char) ('A' + rest));
      i = (i - 1) / 26;
    }
    return name.toString();
  }

  /** Excel refuses sheet names over 31 characters or with {@code []:*?/\}. */
  private static String sheetName(String name) {
    String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
    return clean.length() > 31 ? clean.substring(0, 31) : clean;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          // XML 1.0 forbids most control characters
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    OutputStream out = zip;
    out.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  static List<@Nullable Object> row(@Nullable Object... cells) {
    List<@Nullable Object> row = new ArrayList<>();
    java.util.Collections.addAll(row, cells);
    return row;
  }
}
