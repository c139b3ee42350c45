package org.manyi.satisfaction.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.pls.Effect;
import org.manyi.pls.Reliability;
import org.manyi.satisfaction.CustomerSegments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A succeeded run as a PDF report in the reader's language: settings, index scores with their
 * intervals, the importance–performance chart and tables, paths, reliability with warnings, the
 * outer model and effects. The Chinese font is embedded (subset), so the file reads anywhere.
 */
@Component
public class RunPdf {

  /** Thresholds shared with the run page. */
  public static final double MIN_ALPHA = 0.7;

  /** Below this AVE a construct explains less than half its items' variance. */
  public static final double MIN_AVE = 0.5;

  /** Below this many cases PLS estimates are unstable. */
  public static final int SMALL_SAMPLE = 100;

  private static final Color MUTED = new Color(0x6c, 0x75, 0x7d);
  private static final Color WARNING = new Color(0xb0, 0x2a, 0x37);
  private static final Color HEADER = new Color(0xe9, 0xec, 0xef);
  private static final Color POINT = new Color(0x0d, 0x6e, 0xfd);
  private static final java.util.regex.Pattern NUMERIC =
      java.util.regex.Pattern.compile("[-\\[\\]0-9., —]+");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final MessageSource messages;
  private final PdfFonts fonts;
  private final ObjectProvider<CustomerSegments> segments;

  RunPdf(MessageSource messages, PdfFonts fonts, ObjectProvider<CustomerSegments> segments) {
    this.messages = messages;
    this.fonts = fonts;
    this.segments = segments;
  }

  /**
   * @throws ProblemException 409 when the run has no result yet; 503 ({@link
   *     PdfFontMissingException}) when the server has no font with Chinese glyphs
   */
  public byte[] pdf(ModelRun run, Locale locale) {
    EstimateResult r = run.result();
    if (r == null) {
      throw ProblemException.conflict("run-unfinished", "satisfaction.run.noResult");
    }
    BaseFont base =
        fonts.chinese().orElseThrow(() -> new PdfFontMissingException(fonts.candidates()));
    Report report = new Report(base, locale);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 40, 40);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(t("satisfaction.run.title", locale, run.modelName()));
      document.addCreator("Manyi");
      document.open();
      report.write(document, writer, run, r);
    } catch (DocumentException e) {
      throw new IllegalStateException("PDF report could not be written", e);
    } finally {
      if (document.isOpen()) {
        document.close();
      }
    }
    return out.toByteArray();
  }

  private String t(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, code, locale);
  }

  /** One report being written: fonts and language. */
  private final class Report {

    private final BaseFont base;
    private final Locale locale;
    private final Font title;
    private final Font heading;
    private final Font body;
    private final Font small;
    private final Font muted;
    private final Font warning;

    Report(BaseFont base, Locale locale) {
      this.base = base;
      this.locale = locale;
      this.title = new Font(base, 16);
      this.heading = new Font(base, 12);
      this.body = new Font(base, 9);
      this.small = new Font(base, 8);
      this.muted = new Font(base, 8, Font.NORMAL, MUTED);
      this.warning = new Font(base, 9, Font.NORMAL, WARNING);
    }

    private String t(String code, Object... args) {
      return RunPdf.this.t(code, locale, args);
    }

    private String label(String construct) {
      return t("satisfaction.construct." + construct);
    }

    void write(Document d, PdfWriter writer, ModelRun run, EstimateResult r)
        throws DocumentException {
      d.add(new Paragraph(t("satisfaction.run.title", run.modelName()), title));
      d.add(
          new Paragraph(
              DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(run.createdAt().atZone(ZONE))
                  + " · "
                  + run.createdBy(),
              muted));
      summary(d, run, r);
      warnings(d, r);
      index(d, run, r);
      String target = run.spec().target();
      if (target != null) {
        drivers(d, writer, r, target, run.spec());
      }
      paths(d, r);
      reliability(d, run, r);
      outer(d, run, r);
      effects(d, r);
    }

    private void summary(Document d, ModelRun run, EstimateResult r) throws DocumentException {
      PdfPTable table = table(new float[] {1, 2});
      row(table, t("satisfaction.run.model"), run.modelName() + " (v" + run.modelVersion() + ")");
      row(table, t("satisfaction.run.data"), run.data().name());
      row(table, "SHA-256", run.data().sha256());
      DataFilter filter = run.data().filter();
      if (filter != null) {
        List<String> parts = new ArrayList<>();
        String any = t("satisfaction.filter.anyDate");
        parts.add(
            t(
                "satisfaction.filter.period",
                filter.from() == null ? any : filter.from().toString(),
                filter.to() == null ? any : filter.to().toString()));
        filter.stages().forEach(stage -> parts.add(t("customer.stage." + stage)));
        if (filter.city() != null) {
          parts.add(t("satisfaction.filter.city") + " " + filter.city());
        }
        String segment = filter.segment();
        if (segment != null) {
          parts.add(
              segments
                  .orderedStream()
                  .filter(source -> source.segments().contains(segment))
                  .findFirst()
                  .map(source -> t(source.labelKey(segment)))
                  .orElse(segment));
        }
        row(table, t("satisfaction.filter.title"), String.join(" · ", parts));
      }
      row(table, t("satisfaction.run.n"), String.valueOf(r.n()));
      row(table, t("satisfaction.run.dropped"), String.valueOf(r.casesDropped()));
      row(table, t("satisfaction.run.iterations"), String.valueOf(r.iterations()));
      row(
          table,
          t("satisfaction.run.converged"),
          t(r.converged() ? "satisfaction.pdf.yes" : "satisfaction.pdf.no"));
      row(table, t("satisfaction.stat.gof"), number(r.gof(), 3));
      row(
          table,
          t("satisfaction.settings.scheme") + " / " + t("satisfaction.settings.scaling"),
          run.spec().scheme().name() + " / " + run.spec().scaling().name());
      row(table, t("satisfaction.settings.tolerance"), String.valueOf(run.settings().tolerance()));
      row(
          table,
          t("satisfaction.settings.bootstrap") + " / " + t("satisfaction.settings.seed"),
          run.settings().bootstrap() + " / " + run.settings().seed());
      d.add(table);
    }

    private void warnings(Document d, EstimateResult r) throws DocumentException {
      List<String> lines = new ArrayList<>();
      if (!r.converged()) {
        lines.add(t("satisfaction.warn.notConverged", r.iterations()));
      }
      if (r.n() < SMALL_SAMPLE) {
        lines.add(t("satisfaction.warn.smallSample", r.n()));
      }
      if (r.bootstrap() != null && r.bootstrap().failed() > 0) {
        lines.add(
            t(
                "satisfaction.warn.bootstrapFailed",
                r.bootstrap().failed(),
                r.bootstrap().resamples()));
      }
      for (String line : lines) {
        d.add(new Paragraph(line, warning));
      }
    }

    private void index(Document d, ModelRun run, EstimateResult r) throws DocumentException {
      section(d, t("satisfaction.index.title"));
      d.add(
          new Paragraph(
              t("satisfaction.index.hint", run.spec().scaleMin(), run.spec().scaleMax()), muted));
      PdfPTable table = table(new float[] {3, 1.2f, 2, 1.2f});
      header(
          table,
          t("satisfaction.construct"),
          t("satisfaction.index"),
          t("satisfaction.path.interval"),
          t("satisfaction.stat.r2"));
      for (ConstructSpec c : run.spec().constructs()) {
        EstimateResult.Interval interval = r.indexInterval(c.name());
        cells(
            table,
            label(c.name()),
            number(r.index().get(c.name()), 1),
            interval == null ? "—" : range(interval.low(), interval.high(), 1),
            number(r.rSquared().get(c.name()), 3));
      }
      d.add(table);
    }

    private void drivers(
        Document d, PdfWriter writer, EstimateResult r, String target, ModelSpec spec)
        throws DocumentException {
      List<DriverAnalysis.Driver> drivers = DriverAnalysis.drivers(r, target);
      if (drivers.isEmpty()) {
        return;
      }
      section(d, t("satisfaction.ipa.title", label(target)));
      Image chart = ipaChart(writer, r, drivers);
      if (chart != null) {
        chart.setAlignment(Element.ALIGN_CENTER);
        d.add(chart);
      }
      PdfPTable table = table(new float[] {3, 1.2f, 1.2f, 2});
      header(
          table,
          t("satisfaction.construct"),
          t("satisfaction.ipa.importance"),
          t("satisfaction.ipa.performance"),
          t("satisfaction.ipa.quadrant"));
      for (DriverAnalysis.Driver driver : drivers) {
        cells(
            table,
            label(driver.construct()),
            number(driver.importance(), 3),
            number(driver.performance(), 1),
            driver.quadrant() == null ? "—" : t("satisfaction.quadrant." + driver.quadrant()));
      }
      d.add(table);

      List<DriverAnalysis.ItemDriver> items = DriverAnalysis.items(r, spec, target);
      if (!items.isEmpty()) {
        section(d, t("satisfaction.ipa.items.title"));
        PdfPTable itemTable = table(new float[] {1.5f, 2.5f, 1.2f, 1.2f, 2});
        header(
            itemTable,
            t("satisfaction.item"),
            t("satisfaction.construct"),
            t("satisfaction.ipa.importance"),
            t("satisfaction.ipa.performance"),
            t("satisfaction.ipa.quadrant"));
        for (DriverAnalysis.ItemDriver item : items) {
          cells(
              itemTable,
              item.item(),
              label(item.construct()),
              number(item.importance(), 3),
              number(item.performance(), 1),
              item.quadrant() == null ? "—" : t("satisfaction.quadrant." + item.quadrant()));
        }
        d.add(itemTable);
      }
    }

    /**
     * The matrix drawn as vectors: importance across, performance up, split at the means like the
     * quadrant labels; null when no driver has a performance.
     */
    private @Nullable Image ipaChart(
        PdfWriter writer, EstimateResult r, List<DriverAnalysis.Driver> drivers)
        throws DocumentException {
      List<DriverAnalysis.Driver> points =
          drivers.stream().filter(x -> x.performance() != null).toList();
      if (points.isEmpty()) {
        return null;
      }
      float width = 420;
      float height = 260;
      float left = 40;
      float bottom = 30;
      float plotW = width - left - 20;
      float plotH = height - bottom - 20;
      double minX = Math.min(0, points.stream().mapToDouble(x -> x.importance()).min().orElse(0));
      double maxX = points.stream().mapToDouble(x -> x.importance()).max().orElse(1) * 1.15;
      double minY =
          Math.max(0, points.stream().mapToDouble(x -> x.performance()).min().orElse(0) - 10);
      double maxY =
          Math.min(100, points.stream().mapToDouble(x -> x.performance()).max().orElse(100) + 10);
      if (maxX <= minX) {
        maxX = minX + 1;
      }
      if (maxY <= minY) {
        maxY = minY + 1;
      }
      double meanX = points.stream().mapToDouble(x -> x.importance()).average().orElse(0);
      double meanY = points.stream().mapToDouble(x -> x.performance()).average().orElse(0);
      PdfTemplate c = writer.getDirectContent().createTemplate(width, height);
      // axes
      c.setColorStroke(Color.DARK_GRAY);
      c.setLineWidth(0.6f);
      c.rectangle(left, bottom, plotW, plotH);
      c.stroke();
      // quadrant split at the means
      float mx = (float) (left + (meanX - minX) / (maxX - minX) * plotW);
      float my = (float) (bottom + (meanY - minY) / (maxY - minY) * plotH);
      c.setColorStroke(MUTED);
      c.setLineDash(3, 3);
      c.moveTo(mx, bottom);
      c.lineTo(mx, bottom + plotH);
      c.moveTo(left, my);
      c.lineTo(left + plotW, my);
      c.stroke();
      c.setLineDash(0);
      text(
          c,
          t("satisfaction.quadrant.CONCENTRATE_HERE"),
          left + plotW - 4,
          bottom + 4,
          7,
          MUTED,
          true);
      text(
          c,
          t("satisfaction.quadrant.KEEP_UP_THE_GOOD_WORK"),
          left + plotW - 4,
          bottom + plotH - 10,
          7,
          MUTED,
          true);
      text(c, t("satisfaction.quadrant.LOW_PRIORITY"), left + 4, bottom + 4, 7, MUTED, false);
      text(
          c,
          t("satisfaction.quadrant.POSSIBLE_OVERKILL"),
          left + 4,
          bottom + plotH - 10,
          7,
          MUTED,
          false);
      // axis titles and ranges
      text(c, t("satisfaction.ipa.importance"), left + plotW / 2, 6, 8, Color.BLACK, false);
      text(c, number(minX, 2), left, bottom - 10, 7, MUTED, false);
      text(c, number(maxX, 2), left + plotW, bottom - 10, 7, MUTED, true);
      text(c, number(minY, 0), left - 4, bottom, 7, MUTED, true);
      text(c, number(maxY, 0), left - 4, bottom + plotH - 7, 7, MUTED, true);
      c.saveState();
      c.beginText();
      c.setFontAndSize(base, 8);
      c.setTextMatrix(0, 1, -1, 0, 12, bottom + plotH / 2 - 20);
      c.showText(t("satisfaction.ipa.performance"));
      c.endText();
      c.restoreState();
      for (DriverAnalysis.Driver p : points) {
        float x = (float) (left + (p.importance() - minX) / (maxX - minX) * plotW);
        float y = (float) (bottom + (p.performance() - minY) / (maxY - minY) * plotH);
        EstimateResult.Interval interval = r.indexInterval(p.construct());
        if (interval != null) {
          // the index's 95% interval as a whisker, clipped to the plot
          float low =
              (float) (bottom + (Math.max(minY, interval.low()) - minY) / (maxY - minY) * plotH);
          float high =
              (float) (bottom + (Math.min(maxY, interval.high()) - minY) / (maxY - minY) * plotH);
          c.setColorStroke(MUTED);
          c.setLineWidth(0.6f);
          c.moveTo(x, low);
          c.lineTo(x, high);
          c.moveTo(x - 3, low);
          c.lineTo(x + 3, low);
          c.moveTo(x - 3, high);
          c.lineTo(x + 3, high);
          c.stroke();
        }
        c.setColorFill(POINT);
        c.circle(x, y, 3.5f);
        c.fill();
        text(c, label(p.construct()), x + 5, y + 3, 8, Color.BLACK, false);
      }
      return Image.getInstance(c);
    }

    private void text(
        PdfContentByte c, String s, float x, float y, float size, Color color, boolean alignRight) {
      c.beginText();
      c.setFontAndSize(base, size);
      c.setColorFill(color);
      c.showTextAligned(alignRight ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, s, x, y, 0);
      c.endText();
    }

    private void paths(Document d, EstimateResult r) throws DocumentException {
      section(d, t("satisfaction.path.title"));
      PdfPTable table = table(new float[] {2.5f, 2.5f, 1.2f, 2});
      header(
          table,
          t("satisfaction.path.from"),
          t("satisfaction.path.to"),
          t("satisfaction.path.estimate"),
          t("satisfaction.path.interval"));
      for (EstimateResult.PathResult p : r.pathCoefficients()) {
        cells(
            table,
            label(p.from()),
            label(p.to()),
            number(p.estimate(), 3),
            p.ciLow() == null ? "—" : range(p.ciLow(), p.ciHigh(), 3));
      }
      d.add(table);
    }

    private void reliability(Document d, ModelRun run, EstimateResult r) throws DocumentException {
      section(d, t("satisfaction.reliability.title"));
      PdfPTable table = table(new float[] {3, 1.2f, 1.2f, 1.2f});
      header(
          table,
          t("satisfaction.construct"),
          t("satisfaction.stat.alpha"),
          t("satisfaction.stat.rho"),
          t("satisfaction.stat.ave"));
      boolean low = false;
      for (ConstructSpec c : run.spec().constructs()) {
        Reliability rel = r.reliability().get(c.name());
        Double alpha = rel == null ? null : rel.cronbachAlpha();
        Double ave = rel == null ? null : rel.ave();
        boolean lowAlpha = alpha != null && alpha < MIN_ALPHA;
        boolean lowAve = ave != null && ave < MIN_AVE;
        low |= lowAlpha || lowAve;
        table.addCell(cell(label(c.name()), body, Element.ALIGN_LEFT));
        table.addCell(
            cell(
                number(alpha, 3) + (lowAlpha ? " !" : ""),
                lowAlpha ? warning : body,
                Element.ALIGN_RIGHT));
        table.addCell(
            cell(
                number(rel == null ? null : rel.dillonGoldsteinRho(), 3),
                body,
                Element.ALIGN_RIGHT));
        table.addCell(
            cell(
                number(ave, 3) + (lowAve ? " !" : ""),
                lowAve ? warning : body,
                Element.ALIGN_RIGHT));
      }
      d.add(table);
      if (low) {
        d.add(new Paragraph(t("satisfaction.reliability.warning"), warning));
      }
    }

    private void outer(Document d, ModelRun run, EstimateResult r) throws DocumentException {
      section(d, t("satisfaction.outer.title"));
      PdfPTable table = table(new float[] {3, 1.5f, 1.2f, 1.2f});
      header(
          table,
          t("satisfaction.construct"),
          t("satisfaction.item"),
          t("satisfaction.outer.weight"),
          t("satisfaction.outer.loading"));
      for (ConstructSpec c : run.spec().constructs()) {
        for (String item : c.items()) {
          cells(
              table,
              label(c.name()),
              item,
              number(r.outerWeights().get(item), 3),
              number(r.loadings().get(item), 3));
        }
      }
      d.add(table);
    }

    private void effects(Document d, EstimateResult r) throws DocumentException {
      if (r.effects().isEmpty()) {
        return;
      }
      section(d, t("satisfaction.effect.title"));
      PdfPTable table = table(new float[] {2.5f, 2.5f, 1.2f, 1.2f, 1.2f});
      header(
          table,
          t("satisfaction.path.from"),
          t("satisfaction.path.to"),
          t("satisfaction.effect.direct"),
          t("satisfaction.effect.indirect"),
          t("satisfaction.effect.total"));
      for (Effect e : r.effects()) {
        cells(
            table,
            label(e.from()),
            label(e.to()),
            number(e.direct(), 3),
            number(e.indirect(), 3),
            number(e.total(), 3));
      }
      d.add(table);
    }

    private void section(Document d, String text) throws DocumentException {
      Paragraph p = new Paragraph(text, heading);
      p.setSpacingBefore(12);
      p.setSpacingAfter(4);
      d.add(p);
    }

    private PdfPTable table(float[] widths) {
      PdfPTable table = new PdfPTable(widths);
      table.setWidthPercentage(100);
      table.setSpacingBefore(4);
      return table;
    }

    private void header(PdfPTable table, String... texts) {
      for (String text : texts) {
        PdfPCell cell = cell(text, small, Element.ALIGN_LEFT);
        cell.setBackgroundColor(HEADER);
        table.addCell(cell);
      }
      table.setHeaderRows(1);
    }

    /** Numbers and intervals right-aligned so their digits line up, text left. */
    private void cells(PdfPTable table, String... texts) {
      for (String text : texts) {
        table.addCell(
            cell(
                text,
                body,
                NUMERIC.matcher(text).matches() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
      }
    }

    private void row(PdfPTable table, String name, String value) {
      table.addCell(cell(name, small, Element.ALIGN_LEFT));
      table.addCell(cell(value, body, Element.ALIGN_LEFT));
    }

    private PdfPCell cell(String text, Font font, int alignment) {
      PdfPCell cell = new PdfPCell(new Phrase(text, font));
      cell.setHorizontalAlignment(alignment);
      cell.setBorderColor(HEADER);
      cell.setPadding(3);
      return cell;
    }
  }

  private static String number(@Nullable Double value, int decimals) {
    return value == null || !Double.isFinite(value)
        ? "—"
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String range(@Nullable Double low, @Nullable Double high, int decimals) {
    return "[" + number(low, decimals) + ", " + number(high, decimals) + "]";
  }
}
