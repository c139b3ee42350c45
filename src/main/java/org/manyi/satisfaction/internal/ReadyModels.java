package org.manyi.satisfaction.internal;

import java.util.ArrayList;
import java.util.List;
import org.manyi.pls.Mode;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;

/**
 * The national-index models every installation starts with. Item names follow the survey templates
 * ({@code IMAG1..5}, {@code CUEX1..3}, {@code PERQ1..7}, {@code PERV1..2}, {@code CUSA1..3}, {@code
 * CUSCO}, {@code CUSL1..3}) on a 1–10 scale, so an export of such a survey, or the ECSI
 * mobile-phone reference data, runs without renaming columns.
 */
final class ReadyModels {

  /** A ready model: its key, English name and description, and its structure. */
  record Template(String key, String name, String description, ModelSpec spec) {}

  static final String ACSI = "ACSI";
  static final String ECSI = "ECSI";
  static final String CCSI = "CCSI";

  private ReadyModels() {}

  static List<Template> all() {
    return List.of(acsi(), ecsi(), ccsi());
  }

  /** Fornell et al. (1996): expectations, quality and value drive satisfaction. */
  static Template acsi() {
    return new Template(
        ACSI,
        "ACSI",
        "American Customer Satisfaction Index: expectations, perceived quality and value drive"
            + " satisfaction, which drives complaints and loyalty.",
        spec(
            List.of(cuex(), perq(), perv(), cusa(), cusco(), cusl()),
            List.of(
                path("CUEX", "PERQ"),
                path("CUEX", "PERV"),
                path("CUEX", "CUSA"),
                path("PERQ", "PERV"),
                path("PERQ", "CUSA"),
                path("PERV", "CUSA"),
                path("CUSA", "CUSCO"),
                path("CUSA", "CUSL"),
                path("CUSCO", "CUSL"))));
  }

  /** Tenenhaus et al. (2005), the model of the mobi reference data: 7 constructs, 12 paths. */
  static Template ecsi() {
    return new Template(
        ECSI,
        "ECSI",
        "European Customer Satisfaction Index: ACSI plus corporate image.",
        spec(
            List.of(imag(), cuex(), perq(), perv(), cusa(), cusco(), cusl()),
            List.of(
                path("IMAG", "CUEX"),
                path("IMAG", "CUSA"),
                path("IMAG", "CUSL"),
                path("CUEX", "PERQ"),
                path("CUEX", "PERV"),
                path("CUEX", "CUSA"),
                path("PERQ", "PERV"),
                path("PERQ", "CUSA"),
                path("PERV", "CUSA"),
                path("CUSA", "CUSCO"),
                path("CUSA", "CUSL"),
                path("CUSCO", "CUSL"))));
  }

  /**
   * The structure of the Chinese index (GB/T 19038 style): brand image, expected and perceived
   * quality, perceived value, satisfaction and loyalty, without a complaints construct.
   */
  static Template ccsi() {
    return new Template(
        CCSI,
        "CCSI",
        "China Customer Satisfaction Index style: brand image, expected quality, perceived quality"
            + " and value drive satisfaction and loyalty.",
        spec(
            List.of(imag(), cuex(), perq(), perv(), cusa(), cusl()),
            List.of(
                path("IMAG", "CUEX"),
                path("IMAG", "PERQ"),
                path("IMAG", "CUSA"),
                path("CUEX", "PERQ"),
                path("CUEX", "PERV"),
                path("CUEX", "CUSA"),
                path("PERQ", "PERV"),
                path("PERQ", "CUSA"),
                path("PERV", "CUSA"),
                path("CUSA", "CUSL"))));
  }

  private static ModelSpec spec(List<ConstructSpec> constructs, List<List<String>> paths) {
    return new ModelSpec(constructs, paths, Scheme.PATH, Scaling.STANDARDIZED, 1, 10, "CUSA");
  }

  private static List<String> path(String from, String to) {
    return List.of(from, to);
  }

  private static ConstructSpec imag() {
    return construct("IMAG", 5);
  }

  private static ConstructSpec cuex() {
    return construct("CUEX", 3);
  }

  private static ConstructSpec perq() {
    return construct("PERQ", 7);
  }

  private static ConstructSpec perv() {
    return construct("PERV", 2);
  }

  private static ConstructSpec cusa() {
    return construct("CUSA", 3);
  }

  private static ConstructSpec cusco() {
    return new ConstructSpec("CUSCO", List.of("CUSCO"), Mode.A);
  }

  private static ConstructSpec cusl() {
    return construct("CUSL", 3);
  }

  private static ConstructSpec construct(String name, int items) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= items; i++) {
      names.add(name + i);
    }
    return new ConstructSpec(name, names, Mode.A);
  }
}
