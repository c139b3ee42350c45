package org.manyi.satisfaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.pls.Mode;
import org.manyi.pls.PlsEstimator;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;
import org.manyi.satisfaction.CustomerSegments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;

class RunPdfTests {

  private static final ModelSpec SPEC =
      new ModelSpec(
          List.of(
              new ConstructSpec("PERQ", List.of("q1", "q2", "q3"), Mode.A),
              new ConstructSpec("PERV", List.of("v1", "v2"), Mode.A),
              new ConstructSpec("CUSA", List.of("s1", "s2", "s3"), Mode.A)),
          List.of(List.of("PERQ", "PERV"), List.of("PERQ", "CUSA"), List.of("PERV", "CUSA")),
          Scheme.PATH,
          Scaling.STANDARDIZED,
          1,
          10,
          "CUSA");

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("messages/satisfaction");
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setFallbackToSystemLocale(false);
    return source;
  }

  /** Answers on 1..10 where quality drives value and both drive satisfaction. */
  private static ModelRun run() {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("q1,q2,q3,v1,v2,s1,s2,s3\n");
    for (int r = 0; r < 150; r++) {
      double q = random.nextGaussian();
      double v = 0.6 * q + 0.8 * random.nextGaussian();
      double s = 0.5 * q + 0.4 * v + 0.6 * random.nextGaussian();
      List<String> cells = new ArrayList<>();
      for (double latent : new double[] {q, q, q, v, v, s, s, s}) {
        long answer = Math.round(6 + 1.5 * latent + 0.7 * random.nextGaussian());
        cells.add(String.valueOf(Math.max(1, Math.min(10, answer))));
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    Estimation estimation = new Estimation();
    RunSettings settings = new RunSettings(1e-7, 300, 100, 5);
    byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
    EstimateResult result =
        estimation.estimate(
            SPEC,
            settings,
            estimation.read(data, "data"),
            PlsEstimator.ProgressListener.NONE,
            () -> false);
    return new ModelRun(
        UUID.randomUUID(),
        UUID.randomUUID(),
        3,
        "网点满意度",
        SPEC,
        settings,
        new DataDescription("wave.csv", 150, 8, "0".repeat(64), null),
        null,
        RunStatus.SUCCEEDED,
        result,
        null,
        "admin",
        Instant.parse("2026-11-23T08:00:00Z"),
        Instant.parse("2026-11-23T08:00:05Z"));
  }

  private static ObjectProvider<CustomerSegments> noSegments() {
    return new StaticListableBeanFactory().getBeanProvider(CustomerSegments.class);
  }

  private static PdfFonts systemFonts() {
    PdfFonts fonts = new PdfFonts("", true);
    assumeTrue(
        fonts.chinese().isPresent(),
        "no font with Chinese characters installed (e.g. Debian fonts-noto-cjk); PDF test skipped");
    return fonts;
  }

  @Test
  void writesAChineseReportWithTheFontEmbeddedAsASubset() throws Exception {
    ModelRun run = run();
    byte[] pdf =
        new RunPdf(messages(), systemFonts(), noSegments()).pdf(run, Locale.SIMPLIFIED_CHINESE);

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page));
    }
    EstimateResult.Interval interval = run.result().indexInterval("CUSA");
    assertThat(interval).isNotNull();
    assertThat(text.toString())
        .contains("网点满意度", "顾客满意度", "感知质量", "指数得分", "重点改进", "信度")
        .contains(String.format(Locale.ROOT, "%.1f", run.result().index().get("CUSA")))
        .contains(String.format(Locale.ROOT, "[%.1f, %.1f]", interval.low(), interval.high()));

    List<String> fonts = embeddedFonts(reader);
    assertThat(fonts).isNotEmpty();
    // a subset font is named with a six-letter tag; the whole Noto CJK face would be ~16 MB
    assertThat(fonts).allMatch(name -> name.matches("/[A-Z]{6}\\+.+"));
    assertThat(pdf.length).isLessThan(1_500_000);
  }

  @Test
  void writesTheReportInEnglishToo() throws Exception {
    byte[] pdf = new RunPdf(messages(), systemFonts(), noSegments()).pdf(run(), Locale.ENGLISH);

    PdfReader reader = new PdfReader(pdf);
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    assertThat(text).contains("Index scores", "Perceived quality", "网点满意度");
  }

  @Test
  void saysWhatToInstallWhenNoChineseFontIsFound() {
    PdfFonts none = new PdfFonts("/nowhere/NoSuchFont.ttc", false);

    assertThatThrownBy(
            () -> new RunPdf(messages(), none, noSegments()).pdf(run(), Locale.SIMPLIFIED_CHINESE))
        .isInstanceOfSatisfying(
            PdfFontMissingException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(e.code()).isEqualTo("satisfaction.pdf.noFont");
            });
    assertThat(messages().getMessage("satisfaction.pdf.noFont", null, Locale.ENGLISH))
        .contains("fonts-noto-cjk", "manyi.satisfaction.pdf-font");
  }

  @Test
  void aFontWithoutChineseGlyphsIsNotUsed() {
    String latinOnly = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    assumeTrue(
        java.nio.file.Files.isRegularFile(java.nio.file.Path.of(latinOnly)),
        latinOnly + " is not installed; test skipped");

    assertThat(new PdfFonts(latinOnly, false).chinese()).isEmpty();
  }

  private static List<String> embeddedFonts(PdfReader reader) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      PdfObject object = reader.getPdfObject(i);
      if (object instanceof PdfDictionary dictionary
          && PdfName.FONTDESCRIPTOR.equals(dictionary.get(PdfName.TYPE))
          && (dictionary.get(PdfName.FONTFILE2) != null
              || dictionary.get(PdfName.FONTFILE3) != null)) {
        names.add(dictionary.get(PdfName.FONTNAME).toString());
      }
    }
    return names;
  }
}
