package org.manyi.satisfaction;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Data for the satisfaction tests: the shared ECSI reference data (skipped with a message when
 * absent), and synthetic ECSI-shaped answers that every build has.
 */
final class SurveyData {

  static final String PROPERTY = "manyi.shared-data";

  static final String ECSI_SPEC =
      """
      {"blocks":{"IMAG":["IMAG1","IMAG2","IMAG3","IMAG4","IMAG5"],"CUEX":["CUEX1","CUEX2","CUEX3"],
       "PERQ":["PERQ1","PERQ2","PERQ3","PERQ4","PERQ5","PERQ6","PERQ7"],"PERV":["PERV1","PERV2"],
       "CUSA":["CUSA1","CUSA2","CUSA3"],"CUSCO":["CUSCO"],"CUSL":["CUSL1","CUSL2","CUSL3"]},
       "paths":[["IMAG","CUEX"],["IMAG","CUSA"],["IMAG","CUSL"],["CUEX","PERQ"],["CUEX","PERV"],
       ["CUEX","CUSA"],["PERQ","PERV"],["PERQ","CUSA"],["PERV","CUSA"],["CUSA","CUSCO"],
       ["CUSA","CUSL"],["CUSCO","CUSL"]],
       "scheme":"PATH","scaling":"STANDARDIZED","tolerance":1e-7,"maxIterations":300,"bootstrap":0}
      """;

  private static final List<String> ITEMS =
      List.of(
          "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5", "CUEX1", "CUEX2", "CUEX3", "PERQ1", "PERQ2",
          "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7", "PERV1", "PERV2", "CUSA1", "CUSA2", "CUSA3",
          "CUSCO", "CUSL1", "CUSL2", "CUSL3");

  private SurveyData() {}

  /** The mobi data (250 × 24, ECSI), or a skipped test. */
  static byte[] mobi() throws IOException {
    String root = System.getProperty(PROPERTY);
    assumeTrue(
        root != null && !root.isBlank(),
        "system property " + PROPERTY + " is not set; reference data test skipped");
    Path file = Path.of(root, "pls", "plspm-python", "mobi.csv");
    assumeTrue(Files.isRegularFile(file), "reference file " + file + " is absent; test skipped");
    return Files.readAllBytes(file);
  }

  /**
   * ECSI-shaped answers on a 1–10 scale from a simple latent structure: image drives the other
   * constructs, so every block is reliable and every path positive.
   */
  static byte[] synthetic(int rows, long seed) {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder(String.join(",", ITEMS)).append(",segment\n");
    for (int r = 0; r < rows; r++) {
      double imag = random.nextGaussian();
      double cuex = 0.5 * imag + 0.8 * random.nextGaussian();
      double perq = 0.6 * cuex + 0.7 * random.nextGaussian();
      double perv = 0.5 * perq + 0.2 * cuex + 0.7 * random.nextGaussian();
      double cusa = 0.2 * imag + 0.5 * perq + 0.2 * perv + 0.5 * random.nextGaussian();
      double cusco = 0.5 * cusa + 0.8 * random.nextGaussian();
      double cusl = 0.5 * cusa + 0.2 * imag + 0.7 * random.nextGaussian();
      double[] latent = {imag, cuex, perq, perv, cusa, cusco, cusl};
      int[] blockOf = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 6, 6, 6};
      for (int i = 0; i < ITEMS.size(); i++) {
        double value = 6.5 + 1.5 * (latent[blockOf[i]] + 0.5 * random.nextGaussian());
        long answer = Math.max(1, Math.min(10, Math.round(value)));
        csv.append(answer).append(',');
      }
      csv.append(String.format(Locale.ROOT, "\"s%d\"", r % 3)).append('\n');
    }
    return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
