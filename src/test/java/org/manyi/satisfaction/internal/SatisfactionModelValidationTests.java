package org.manyi.satisfaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.manyi.platform.ProblemException.FieldProblem;
import org.manyi.pls.Mode;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;

class SatisfactionModelValidationTests {

  private static ModelSpec spec(List<ConstructSpec> constructs, List<List<String>> paths) {
    return new ModelSpec(constructs, paths, Scheme.PATH, Scaling.STANDARDIZED, 1, 10, null);
  }

  private static ConstructSpec c(String name, String... items) {
    return new ConstructSpec(name, List.of(items), Mode.A);
  }

  @Test
  void theReadyModelsAreValid() {
    for (ReadyModels.Template template : ReadyModels.all()) {
      assertThat(ModelValidation.problems(template.spec())).as(template.key()).isEmpty();
    }
    assertThat(ReadyModels.ecsi().spec().constructs()).hasSize(7);
    assertThat(ReadyModels.ecsi().spec().paths()).hasSize(12);
  }

  @Test
  void findsACycleThroughSeveralConstructs() {
    List<FieldProblem> problems =
        ModelValidation.problems(
            spec(
                List.of(c("A", "a"), c("B", "b"), c("C", "c")),
                List.of(List.of("A", "B"), List.of("B", "C"), List.of("C", "A"))));
    assertThat(problems)
        .extracting(FieldProblem::field, FieldProblem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("paths", "satisfaction.model.paths.cycle"));
  }

  @Test
  void namesEveryBrokenRuleOnItsField() {
    List<FieldProblem> problems =
        ModelValidation.problems(
            new ModelSpec(
                List.of(c("A", "x"), c("A", "y"), c("B"), c("C", "x"), c("bad name", "z")),
                List.of(List.of("A", "B"), List.of("B", "B"), List.of("A", "Q"), List.of("A")),
                Scheme.PATH,
                Scaling.RAW,
                5,
                5,
                "Z"));
    assertThat(problems)
        .extracting(FieldProblem::field)
        .contains(
            "constructs[1].name",
            "constructs[2].items",
            "constructs[3].items",
            "constructs[4].name",
            "paths[1]",
            "paths[2]",
            "paths[3]",
            "scaleMax",
            "target");
  }

  @Test
  void aConstructOutsideEveryPathIsNamed() {
    assertThat(
            ModelValidation.problems(
                spec(List.of(c("A", "a"), c("B", "b"), c("C", "c")), List.of(List.of("A", "B")))))
        .extracting(FieldProblem::field)
        .containsExactly("constructs[2].name");
  }
}
