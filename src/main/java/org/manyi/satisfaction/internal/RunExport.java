package org.manyi.satisfaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.pls.Effect;
import org.manyi.pls.Reliability;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A succeeded run's figures as an XLSX workbook, headings in the reader's language. */
@Component
public class RunExport {

  private final MessageSource messages;

  RunExport(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * @throws ProblemException 409 when the run has no result yet
   */
  public byte[] xlsx(ModelRun run, Locale locale) {
    EstimateResult r = run.result();
    if (r == null) {
      throw ProblemException.conflict("run-unfinished", "satisfaction.run.noResult");
    }
    List<List<@Nullable Object>> summary = new ArrayList<>();
    summary.add(
        Xlsx.row(t("satisfaction.export.item", locale), t("satisfaction.export.value", locale)));
    summary.add(Xlsx.row(t("satisfaction.run.model", locale), run.modelName()));
    summary.add(Xlsx.row(t("satisfaction.run.modelVersion", locale), run.modelVersion()));
    summary.add(Xlsx.row(t("satisfaction.run.data", locale), run.data().name()));
    summary.add(Xlsx.row("SHA-256", run.data().sha256()));
    summary.add(Xlsx.row(t("satisfaction.run.n", locale), r.n()));
    summary.add(Xlsx.row(t("satisfaction.run.dropped", locale), r.casesDropped()));
    summary.add(Xlsx.row(t("satisfaction.run.iterations", locale), r.iterations()));
    summary.add(Xlsx.row(t("satisfaction.run.converged", locale), String.valueOf(r.converged())));
    summary.add(Xlsx.row("GoF", r.gof()));
    summary.add(Xlsx.row(t("satisfaction.settings.scheme", locale), run.spec().scheme().name()));
    summary.add(Xlsx.row(t("satisfaction.settings.scaling", locale), run.spec().scaling().name()));
    summary.add(Xlsx.row(t("satisfaction.settings.tolerance", locale), run.settings().tolerance()));
    summary.add(Xlsx.row(t("satisfaction.settings.bootstrap", locale), run.settings().bootstrap()));
    summary.add(Xlsx.row(t("satisfaction.settings.seed", locale), run.settings().seed()));

    List<List<@Nullable Object>> paths = new ArrayList<>();
    paths.add(
        Xlsx.row(
            t("satisfaction.path.from", locale),
            t("satisfaction.path.to", locale),
            t("satisfaction.path.estimate", locale),
            t("satisfaction.path.se", locale),
            t("satisfaction.path.ciLow", locale),
            t("satisfaction.path.ciHigh", locale)));
    for (EstimateResult.PathResult p : r.pathCoefficients()) {
      paths.add(Xlsx.row(p.from(), p.to(), p.estimate(), p.standardError(), p.ciLow(), p.ciHigh()));
    }

    List<List<@Nullable Object>> constructs = new ArrayList<>();
    constructs.add(
        Xlsx.row(
            t("satisfaction.construct", locale),
            t("satisfaction.index", locale),
            t("satisfaction.index.low", locale),
            t("satisfaction.index.high", locale),
            "R²",
            "Cronbach α",
            "DG ρ",
            "AVE",
            t("satisfaction.reliability.communality", locale),
            t("satisfaction.reliability.redundancy", locale)));
    for (ConstructSpec c : run.spec().constructs()) {
      Reliability rel = r.reliability().get(c.name());
      EstimateResult.Interval interval = r.indexInterval(c.name());
      constructs.add(
          Xlsx.row(
              c.name(),
              r.index().get(c.name()),
              interval == null ? null : interval.low(),
              interval == null ? null : interval.high(),
              r.rSquared().get(c.name()),
              rel == null ? null : rel.cronbachAlpha(),
              rel == null ? null : rel.dillonGoldsteinRho(),
              rel == null ? null : rel.ave(),
              rel == null ? null : rel.communality(),
              rel == null ? null : rel.redundancy()));
    }

    List<List<@Nullable Object>> outer = new ArrayList<>();
    outer.add(
        Xlsx.row(
            t("satisfaction.construct", locale),
            t("satisfaction.item", locale),
            t("satisfaction.outer.weight", locale),
            t("satisfaction.outer.loading", locale)));
    for (ConstructSpec c : run.spec().constructs()) {
      for (String item : c.items()) {
        outer.add(Xlsx.row(c.name(), item, r.outerWeights().get(item), r.loadings().get(item)));
      }
    }

    List<List<@Nullable Object>> effects = new ArrayList<>();
    effects.add(
        Xlsx.row(
            t("satisfaction.path.from", locale),
            t("satisfaction.path.to", locale),
            t("satisfaction.effect.direct", locale),
            t("satisfaction.effect.indirect", locale),
            t("satisfaction.effect.total", locale)));
    for (Effect e : r.effects()) {
      effects.add(Xlsx.row(e.from(), e.to(), e.direct(), e.indirect(), e.total()));
    }

    Xlsx workbook =
        new Xlsx()
            .sheet(t("satisfaction.export.sheet.summary", locale), summary)
            .sheet(t("satisfaction.export.sheet.paths", locale), paths)
            .sheet(t("satisfaction.export.sheet.constructs", locale), constructs)
            .sheet(t("satisfaction.export.sheet.outer", locale), outer)
            .sheet(t("satisfaction.export.sheet.effects", locale), effects);
    String target = run.spec().target();
    if (target != null) {
      List<List<@Nullable Object>> ipa = new ArrayList<>();
      ipa.add(
          Xlsx.row(
              t("satisfaction.construct", locale),
              t("satisfaction.ipa.importance", locale),
              t("satisfaction.ipa.performance", locale),
              t("satisfaction.ipa.quadrant", locale)));
      for (DriverAnalysis.Driver d : DriverAnalysis.drivers(r, target)) {
        ipa.add(
            Xlsx.row(
                d.construct(),
                d.importance(),
                d.performance(),
                d.quadrant() == null
                    ? null
                    : t("satisfaction.quadrant." + d.quadrant().name(), locale)));
      }
      workbook.sheet(t("satisfaction.export.sheet.ipa", locale), ipa);
      List<List<@Nullable Object>> items = new ArrayList<>();
      items.add(
          Xlsx.row(
              t("satisfaction.construct", locale),
              t("satisfaction.item", locale),
              t("satisfaction.ipa.importance", locale),
              t("satisfaction.ipa.performance", locale),
              t("satisfaction.ipa.quadrant", locale)));
      for (DriverAnalysis.ItemDriver d : DriverAnalysis.items(r, run.spec(), target)) {
        items.add(
            Xlsx.row(
                d.construct(),
                d.item(),
                d.importance(),
                d.performance(),
                d.quadrant() == null
                    ? null
                    : t("satisfaction.quadrant." + d.quadrant().name(), locale)));
      }
      workbook.sheet(t("satisfaction.export.sheet.ipaItems", locale), items);
    }
    return workbook.toBytes();
  }

  private String t(String code, Locale locale) {
    return messages.getMessage(code, null, code, locale);
  }
}
