package org.manyi.satisfaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class SatisfactionXlsxTests {

  @Test
  void namesColumnsLikeASpreadsheet() {
    assertThat(Xlsx.column(0)).isEqualTo("A");
    assertThat(Xlsx.column(25)).isEqualTo("Z");
    assertThat(Xlsx.column(26)).isEqualTo("AA");
    assertThat(Xlsx.column(701)).isEqualTo("ZZ");
    assertThat(Xlsx.column(702)).isEqualTo("AAA");
  }

  @Test
  void writesAWorkbookWithEscapedTextNumbersAndChineseSheetNames() throws Exception {
    byte[] bytes =
        new Xlsx()
            .sheet(
                "路径",
                java.util.List.of(
                    Xlsx.row("From", "To", "β"),
                    Xlsx.row("A&B", "<C>", 0.25),
                    Xlsx.row("x", null, Double.NaN)))
            .toBytes();
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries)
        .containsKeys(
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml");
    assertThat(entries.get("xl/workbook.xml")).contains("name=\"路径\"");
    String sheet = entries.get("xl/worksheets/sheet1.xml");
    assertThat(sheet).contains("<t>A&amp;B</t>", "<t>&lt;C&gt;</t>", "<c r=\"C2\"><v>0.25</v></c>");
    // NaN is not a number Excel can read: written as text rather than corrupting the file
    assertThat(sheet).contains("<c r=\"C3\" t=\"inlineStr\"><is><t>NaN</t></is></c>");
  }
}
