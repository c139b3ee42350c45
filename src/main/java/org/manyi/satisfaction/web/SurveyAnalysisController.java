package org.manyi.satisfaction.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.pls.DataTable;
import org.manyi.pls.GapResult;
import org.manyi.pls.KanoCategory;
import org.manyi.pls.KanoResult;
import org.manyi.satisfaction.internal.Estimation;
import org.manyi.satisfaction.internal.SurveyAnalyses;
import org.manyi.surveys.SurveyData;
import org.manyi.surveys.SurveyId;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** Kano and expectation-gap pages: upload paired answers, read the classification or gaps. */
@Controller
@RequestMapping("/satisfaction")
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class SurveyAnalysisController {

  static final String KANO = "satisfaction/kano";
  static final String GAPS = "satisfaction/gaps";

  private final Estimation estimation;
  private final MessageSource messages;
  private final JsonMapper json;
  private final SurveyData surveyData;

  SurveyAnalysisController(
      Estimation estimation, MessageSource messages, JsonMapper json, SurveyData surveyData) {
    this.estimation = estimation;
    this.messages = messages;
    this.json = json;
    this.surveyData = surveyData;
  }

  @GetMapping("/kano")
  String kanoForm(Model model) {
    model.addAttribute("categories", KanoCategory.values());
    model.addAttribute("surveys", surveyData.scoredSurveys());
    return KANO;
  }

  @PostMapping("/kano")
  String kano(
      @RequestParam(name = "data", required = false) @Nullable MultipartFile data,
      @RequestParam(required = false) @Nullable UUID surveyId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      Model model,
      Locale locale)
      throws IOException {
    model.addAttribute("categories", KanoCategory.values());
    model.addAttribute("surveys", surveyData.scoredSurveys());
    model.addAttribute("surveyId", surveyId);
    try {
      List<KanoResult> results = SurveyAnalyses.kano(read(data, surveyId, from, to));
      model.addAttribute("results", results);
      List<Map<String, Object>> points = new ArrayList<>();
      for (KanoResult r : results) {
        if (r.better() != null && r.worse() != null) {
          Map<String, Object> point = new LinkedHashMap<>();
          point.put("label", r.attribute());
          point.put("better", r.better());
          point.put("worse", r.worse());
          points.add(point);
        }
      }
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put("points", points);
      chart.put(
          "texts",
          Map.of(
              "better", text("satisfaction.kano.better", locale),
              "worse", text("satisfaction.kano.worse", locale)));
      model.addAttribute("chartJson", json.writeValueAsString(chart));
    } catch (ProblemException e) {
      model.addAttribute("problem", message(e, locale));
    }
    return KANO;
  }

  @GetMapping("/gaps")
  String gapsForm(Model model) {
    model.addAttribute("surveys", surveyData.scoredSurveys());
    return GAPS;
  }

  @PostMapping("/gaps")
  String gaps(
      @RequestParam(name = "data", required = false) @Nullable MultipartFile data,
      @RequestParam(required = false) @Nullable UUID surveyId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      Model model,
      Locale locale)
      throws IOException {
    model.addAttribute("surveys", surveyData.scoredSurveys());
    model.addAttribute("surveyId", surveyId);
    try {
      List<GapResult> results = SurveyAnalyses.gaps(read(data, surveyId, from, to));
      model.addAttribute("results", results);
    } catch (ProblemException e) {
      model.addAttribute("problem", message(e, locale));
    }
    return GAPS;
  }

  /** The uploaded file, else the survey's answers in the period. */
  private DataTable read(
      @Nullable MultipartFile data,
      @Nullable UUID surveyId,
      @Nullable LocalDate from,
      @Nullable LocalDate to)
      throws IOException {
    if ((data == null || data.isEmpty()) && surveyId != null) {
      return estimation.read(
          surveyData
              .itemScoresCsv(new SurveyId(surveyId), from, to)
              .getBytes(StandardCharsets.UTF_8),
          "data");
    }
    return estimation.read(data == null ? null : data.getBytes(), "data");
  }

  private String message(ProblemException e, Locale locale) {
    ProblemException.FieldProblem field = e.firstField();
    return field == null
        ? messages.getMessage(e.code(), e.args(), e.code(), locale)
        : messages.getMessage(field.code(), field.args(), field.code(), locale);
  }

  private String text(String code, Locale locale) {
    return messages.getMessage(code, null, code, locale);
  }
}
