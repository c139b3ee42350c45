package org.manyi.satisfaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.manyi.pls.Effect;
import org.manyi.pls.Mode;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;

class SatisfactionDriverAnalysisTests {

  /** Four drivers of SAT, one per quadrant around the means (importance 0.25, index 60). */
  private static EstimateResult result() {
    return new EstimateResult(
        100,
        0,
        5,
        true,
        List.of(),
        Map.of("q1", 0.6, "q2", 0.4, "v1", 1.0, "p1", 1.0, "e1", 1.0),
        Map.of(),
        Map.of(),
        Map.of("SAT", 0.6),
        List.of(
            new Effect("QUAL", "SAT", 0.4, 0.0, 0.4),
            new Effect("VAL", "SAT", 0.3, 0.0, 0.3),
            new Effect("PRICE", "SAT", 0.2, 0.0, 0.2),
            new Effect("EASE", "SAT", 0.1, 0.0, 0.1),
            new Effect("QUAL", "LOY", 0.0, 0.2, 0.2)),
        Map.of("QUAL", 70.0, "VAL", 50.0, "PRICE", 55.0, "EASE", 65.0),
        Map.of("q1", 80.0, "q2", 40.0, "v1", 50.0, "p1", 55.0, "e1", 65.0),
        0.5,
        Map.of(),
        null,
        null,
        1);
  }

  @Test
  void placesEachDriverInItsQuadrantMostImportantFirst() {
    List<DriverAnalysis.Driver> drivers = DriverAnalysis.drivers(result(), "SAT");
    assertThat(drivers)
        .extracting(DriverAnalysis.Driver::construct)
        .containsExactly("QUAL", "VAL", "PRICE", "EASE");
    assertThat(drivers)
        .extracting(DriverAnalysis.Driver::quadrant)
        .containsExactly(
            Quadrant.KEEP_UP_THE_GOOD_WORK,
            Quadrant.CONCENTRATE_HERE,
            Quadrant.LOW_PRIORITY,
            Quadrant.POSSIBLE_OVERKILL);
  }

  @Test
  void splitsAConstructsImportanceOverItsItemsByWeight() {
    ModelSpec spec =
        new ModelSpec(
            List.of(
                new ConstructSpec("QUAL", List.of("q1", "q2"), Mode.A),
                new ConstructSpec("VAL", List.of("v1"), Mode.A),
                new ConstructSpec("PRICE", List.of("p1"), Mode.A),
                new ConstructSpec("EASE", List.of("e1"), Mode.A),
                new ConstructSpec("SAT", List.of("s1"), Mode.A)),
            List.of(
                List.of("QUAL", "SAT"),
                List.of("VAL", "SAT"),
                List.of("PRICE", "SAT"),
                List.of("EASE", "SAT")),
            Scheme.PATH,
            Scaling.STANDARDIZED,
            1,
            10,
            "SAT");
    List<DriverAnalysis.ItemDriver> items = DriverAnalysis.items(result(), spec, "SAT");
    DriverAnalysis.ItemDriver q1 =
        items.stream().filter(i -> i.item().equals("q1")).findFirst().orElseThrow();
    assertThat(q1.importance()).isCloseTo(0.4 * 0.6, within(1e-12));
    assertThat(q1.performance()).isEqualTo(80.0);
    assertThat(items).hasSize(5);
  }

  @Test
  void aConstructWithoutIndexHasNoQuadrant() {
    EstimateResult r = result();
    EstimateResult withoutEase =
        new EstimateResult(
            r.n(),
            r.casesDropped(),
            r.iterations(),
            r.converged(),
            r.pathCoefficients(),
            r.outerWeights(),
            r.loadings(),
            r.crossLoadings(),
            r.rSquared(),
            r.effects(),
            Map.of("QUAL", 70.0, "VAL", 50.0, "PRICE", 55.0),
            r.itemIndex(),
            r.gof(),
            r.reliability(),
            null,
            null,
            1);
    assertThat(DriverAnalysis.drivers(withoutEase, "SAT"))
        .filteredOn(d -> d.construct().equals("EASE"))
        .singleElement()
        .satisfies(d -> assertThat(d.quadrant()).isNull());
  }
}
