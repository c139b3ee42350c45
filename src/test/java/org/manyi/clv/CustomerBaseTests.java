package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerBaseTests {

  private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

  @Test
  void sameDayPurchasesCountAsOneTransactionWithSummedAmount() {
    List<Transaction> log =
        List.of(
            new Transaction("c", JAN_1, 10),
            new Transaction("c", JAN_1, 5),
            new Transaction("c", JAN_1.plusDays(7), 20),
            new Transaction("c", JAN_1.plusDays(7), 4),
            new Transaction("c", JAN_1.plusDays(21), 30));
    CustomerSummary c =
        CustomerBase.summarise(log, JAN_1.plusDays(28), TimeUnit.WEEK).customers().get(0);
    assertThat(c.frequency()).isEqualTo(2);
    assertThat(c.recency()).isEqualTo(3.0);
    assertThat(c.age()).isEqualTo(4.0);
    assertThat(c.firstPurchaseValue()).isEqualTo(15.0);
    assertThat(c.averageRepeatValue()).isEqualTo(27.0);
    assertThat(c.lastRepeatValue()).isEqualTo(30.0);
  }

  @Test
  void laterTransactionsOnlyCountInTheHoldoutAndCustomersAcquiredLaterAreLeftOut() {
    List<Transaction> log =
        List.of(
            new Transaction("old", JAN_1, 10),
            new Transaction("old", JAN_1.plusDays(40), 10),
            new Transaction("old", JAN_1.plusDays(40), 10),
            new Transaction("old", JAN_1.plusDays(45), 10),
            new Transaction("old", JAN_1.plusDays(400), 10),
            new Transaction("new", JAN_1.plusDays(35), 10));
    CustomerBase base =
        CustomerBase.summarise(log, JAN_1.plusDays(30), JAN_1.plusDays(60), TimeUnit.DAY);
    assertThat(base.customers()).extracting(CustomerSummary::customerId).containsExactly("old");
    CustomerSummary old = base.customers().get(0);
    assertThat(old.frequency()).isZero();
    assertThat(old.age()).isEqualTo(30.0);
    assertThat(old.holdoutFrequency()).isEqualTo(2);
    assertThat(base.holdoutLength()).isEqualTo(30.0);
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> CustomerBase.summarise(List.of(), JAN_1, TimeUnit.DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    List<Transaction> log = List.of(new Transaction("c", JAN_1, 1));
    assertThatThrownBy(() -> CustomerBase.summarise(log, JAN_1.minusDays(1), TimeUnit.DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the first purchase");
    assertThatThrownBy(() -> CustomerBase.summarise(log, JAN_1, JAN_1, TimeUnit.DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holdout end");
  }

  @Test
  void cdnowSummaryEqualsTheBtydCalibrationAndHoldoutSummary() throws IOException {
    Map<String, String[]> btyd = new HashMap<>();
    List<String> lines = Files.readAllLines(Cdnow.file("btyd/csv/cdnowSummary_cbs.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",");
      btyd.put(f[0], f);
    }
    CustomerBase base = Cdnow.sampleBase();
    assertThat(base.customers()).hasSize(2357);
    int holdoutTotal = 0;
    for (CustomerSummary c : base.customers()) {
      String[] f = btyd.get(c.customerId());
      assertThat(c.frequency()).as(c.customerId()).isEqualTo(Integer.parseInt(f[1]));
      assertThat(c.recency()).as(c.customerId()).isCloseTo(Double.parseDouble(f[2]), within(1e-9));
      assertThat(c.age()).as(c.customerId()).isCloseTo(Double.parseDouble(f[3]), within(1e-9));
      assertThat(c.holdoutFrequency()).as(c.customerId()).isEqualTo(Integer.parseInt(f[4]));
      holdoutTotal += c.holdoutFrequency();
    }
    assertThat(holdoutTotal).isEqualTo(1882);
    assertThat(base.holdoutLength()).isEqualTo(39.0);
  }
}
