package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PlsModelValidationTests {

  private static Map<String, List<String>> blocks() {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    blocks.put("A", List.of("a1", "a2"));
    blocks.put("B", List.of("b1", "b2"));
    blocks.put("C", List.of("c1"));
    return blocks;
  }

  private static final List<List<String>> CHAIN = List.of(List.of("A", "B"), List.of("B", "C"));

  private static void assertRejected(ThrowingCallable call, String subject, String fragment) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining(fragment)
        .satisfies(e -> assertThat(((InvalidModelException) e).subject()).isEqualTo(subject));
  }

  @Test
  void validModelIsAccepted() {
    PlsModel model = PlsModel.of(blocks(), CHAIN);
    assertThat(model.modeOf("A")).isEqualTo(Mode.A);
    assertThat(model.scheme()).isEqualTo(Scheme.PATH);
  }

  @Test
  void cycleIsRejectedNamingAConstructOnIt() {
    List<List<String>> cyclic = List.of(List.of("A", "B"), List.of("B", "C"), List.of("C", "A"));
    assertThatThrownBy(() -> PlsModel.of(blocks(), cyclic))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("cycle")
        .satisfies(e -> assertThat(((InvalidModelException) e).subject()).isIn("A", "B", "C"));
  }

  @Test
  void selfLoopIsRejected() {
    assertRejected(
        () ->
            PlsModel.of(blocks(), List.of(List.of("A", "B"), List.of("C", "C"), List.of("B", "C"))),
        "C",
        "itself");
  }

  @Test
  void constructWithoutItemsIsRejected() {
    Map<String, List<String>> blocks = blocks();
    blocks.put("D", List.of());
    assertRejected(() -> PlsModel.of(blocks, CHAIN), "D", "no items");
  }

  @Test
  void itemInTwoBlocksIsRejected() {
    Map<String, List<String>> blocks = blocks();
    blocks.put("C", List.of("a1"));
    assertRejected(() -> PlsModel.of(blocks, CHAIN), "a1", "'A' and 'C'");
  }

  @Test
  void pathToUnknownConstructIsRejected() {
    assertRejected(
        () ->
            PlsModel.of(blocks(), List.of(List.of("A", "B"), List.of("B", "X"), List.of("B", "C"))),
        "X",
        "Unknown construct 'X'");
  }

  @Test
  void constructOutsideEveryPathIsRejected() {
    assertRejected(() -> PlsModel.of(blocks(), List.of(List.of("A", "B"))), "C", "no path");
  }

  @Test
  void modeForUnknownConstructIsRejected() {
    assertRejected(
        () -> PlsModel.of(blocks(), CHAIN).withModes(Map.of("Z", Mode.B)),
        "Z",
        "Unknown construct");
  }

  @Test
  void pathThatIsNotAPairIsRejected() {
    assertRejected(() -> PlsModel.of(blocks(), List.of(List.of("A", "B", "C"))), "A,B,C", "pair");
  }

  @Test
  void nonPositiveToleranceIsRejected() {
    assertRejected(() -> PlsModel.of(blocks(), CHAIN).withTolerance(0), "tolerance", "positive");
  }

  @Test
  void scaleForUnusedItemIsRejected() {
    assertRejected(
        () -> PlsModel.of(blocks(), CHAIN).withItemScales(Map.of("zz9", new ScaleRange(1, 5))),
        "zz9",
        "no construct uses");
  }

  @Test
  void missingItemIsRejectedWhenEstimating() {
    DataTable data = table(Map.of("a1", 1, "a2", 2, "b1", 3, "b2", 4));
    assertRejected(
        () -> new PlsEstimator().estimate(PlsModel.of(blocks(), CHAIN), data),
        "c1",
        "Item 'c1' of construct 'C' is not in the data");
  }

  @Test
  void textItemIsRejectedAsNotNumeric() {
    DataTable numeric = table(Map.of("a1", 1, "a2", 2, "b1", 3, "b2", 4));
    DataTable data = new DataTable(numeric.columns(), numeric.values(), Set.of("c1"));
    assertRejected(
        () -> new PlsEstimator().estimate(PlsModel.of(blocks(), CHAIN), data), "c1", "not numeric");
  }

  @Test
  void constantItemIsRejected() {
    DataTable data = table(Map.of("a1", 1, "a2", 2, "b1", 3, "b2", 4, "c1", 5));
    double[] constant = data.column("b2");
    java.util.Arrays.fill(constant, 3.0);
    assertRejected(
        () -> new PlsEstimator().estimate(PlsModel.of(blocks(), CHAIN), data), "b2", "same value");
  }

  @Test
  void tooFewCompleteCasesAreRejected() {
    DataTable data = table(Map.of("a1", 1, "a2", 2, "b1", 3, "b2", 4, "c1", 5));
    double[] a1 = data.column("a1");
    for (int r = 2; r < a1.length; r++) {
      a1[r] = Double.NaN;
    }
    assertRejected(
        () -> new PlsEstimator().estimate(PlsModel.of(blocks(), CHAIN), data), "data", "Only 2");
  }

  /** Ten rows of pseudo-random answers per named column. */
  private static DataTable table(Map<String, Integer> seeds) {
    Map<String, double[]> columns = new LinkedHashMap<>();
    seeds.forEach(
        (name, seed) -> {
          java.util.Random random = new java.util.Random(seed);
          double[] values = new double[10];
          for (int r = 0; r < values.length; r++) {
            values[r] = 1 + random.nextInt(5);
          }
          columns.put(name, values);
        });
    return DataTable.of(columns);
  }
}
