package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PlsNumericCsvTests {

  private static DataTable read(String text) throws IOException {
    return NumericCsv.read(new StringReader(text));
  }

  @Test
  void readsQuotedHeaderAndNumbers() throws IOException {
    DataTable table = read("\"\",\"q1\",\"q2\"\n\"1\",7,6.5\n\"2\",-1,1e2\n");

    assertThat(table.columns()).containsExactly("", "q1", "q2");
    assertThat(table.rowCount()).isEqualTo(2);
    assertThat(table.column("q1")).containsExactly(7, -1);
    assertThat(table.column("q2")).containsExactly(6.5, 100);
  }

  @Test
  void emptyCellsAndNaAreMissing() throws IOException {
    DataTable table = read("a,b,c\n1,,NA\n2,3,nan\n");

    assertThat(table.column("a")).containsExactly(1, 2);
    assertThat(table.column("b")[0]).isNaN();
    assertThat(table.column("b")[1]).isEqualTo(3);
    assertThat(table.column("c")[0]).isNaN();
    assertThat(table.column("c")[1]).isNaN();
  }

  @Test
  void textColumnsAreSetAsideByName() throws IOException {
    DataTable table = read("q1,gender\n1,\"male\"\n2,female\n");

    assertThat(table.columns()).containsExactly("q1");
    assertThat(table.nonNumericColumns()).containsExactly("gender");
  }

  @Test
  void quotedFieldsMayHoldSeparatorsQuotesAndNewlines() throws IOException {
    DataTable table = read("q1,comment\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,x\r\n");

    assertThat(table.column("q1")).containsExactly(1, 2);
    assertThat(table.nonNumericColumns()).containsExactly("comment");
  }

  @Test
  void byteOrderMarkAndTrailingBlankLineAreIgnored() throws IOException {
    DataTable table = read("\uFEFFq1,q2\n1,2\n\n");

    assertThat(table.columns()).containsExactly("q1", "q2");
    assertThat(table.rowCount()).isEqualTo(1);
  }

  @Test
  void rowWithWrongFieldCountIsRejectedWithItsLine() {
    assertThatThrownBy(() -> read("a,b\n1,2\n3\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void unclosedQuoteIsRejected() {
    assertThatThrownBy(() -> read("a,b\n1,\"2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never closed");
  }

  @Test
  void duplicateHeaderIsRejected() {
    assertThatThrownBy(() -> read("a,a\n1,2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
  }

  @Test
  void emptyInputIsRejected() {
    assertThatThrownBy(() -> read("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void referenceFileWithTextColumnLoads() throws IOException {
    DataTable satisfaction = ReferenceData.csv("plspm-python/satisfaction.csv");

    assertThat(satisfaction.rowCount()).isEqualTo(250);
    assertThat(satisfaction.nonNumericColumns()).containsExactly("gender");
    assertThat(satisfaction.columns()).contains("imag1", "loy4");
  }
}
