package org.manyi.customers.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.CustomerImport;
import org.manyi.customers.internal.CustomerImports;
import org.manyi.customers.internal.ImportStatus;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ImportField;
import org.manyi.platform.JobView;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer import pages: upload, map columns with a preview, check every row (a job with
 * progress), read the report, import after confirming, then resume or roll back.
 */
@Controller
@RequestMapping("/customers/imports")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_IMPORT')")
class CustomerImportController {

  static final String LIST = "customers/imports";
  static final String DETAIL = "customers/import";
  static final String PROGRESS = "customers/import :: progress";

  private final CustomerImports imports;
  private final Jobs jobs;
  private final MessageSource messages;

  CustomerImportController(CustomerImports imports, Jobs jobs, MessageSource messages) {
    this.imports = imports;
    this.jobs = jobs;
    this.messages = messages;
  }

  @GetMapping
  String list(CurrentUser me, Model model) {
    model.addAttribute("imports", imports.recent(me));
    return LIST;
  }

  @PostMapping
  String upload(
      @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
      CurrentUser me,
      Model model) {
    if (file == null || file.isEmpty()) {
      model.addAttribute("imports", imports.recent(me));
      model.addAttribute("fileError", "import.file.empty");
      return LIST;
    }
    try (InputStream content = file.getInputStream()) {
      CustomerImport created = imports.upload(content, file.getOriginalFilename(), null, me);
      return "redirect:/customers/imports/" + created.id();
    } catch (ProblemException e) {
      model.addAttribute("imports", imports.recent(me));
      model.addAttribute("fileError", e.firstField() == null ? e.code() : e.firstField().code());
      return LIST;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, CurrentUser me, Model model) {
    CustomerImport i = imports.get(id, me);
    model.addAttribute("imp", i);
    model.addAttribute("fields", imports.fields());
    if (i.status().startable()) {
      model.addAttribute("preview", imports.preview(id, me));
    }
    if (i.status() != ImportStatus.UPLOADED) {
      model.addAttribute("report", imports.report(id, me));
      model.addAttribute("batches", imports.batches(id, me));
    }
    job(i).ifPresent(job -> model.addAttribute("job", job));
    return DETAIL;
  }

  @GetMapping("/{id}/progress")
  Object progress(@PathVariable UUID id, CurrentUser me, Model model) {
    CustomerImport i = imports.get(id, me);
    if (i.status() != ImportStatus.CHECKING && i.status() != ImportStatus.RUNNING) {
      // finished: the whole page shows the report now
      return ResponseEntity.noContent().header("HX-Refresh", "true").build();
    }
    model.addAttribute("imp", i);
    job(i).ifPresent(job -> model.addAttribute("job", job));
    return PROGRESS;
  }

  @PostMapping("/{id}/mapping")
  String mapping(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      CurrentUser me,
      RedirectAttributes redirect) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (ImportField field : imports.fields()) {
      String heading = form.get("map." + field.key());
      if (heading != null && !heading.isBlank()) {
        mapping.put(field.key(), heading);
      }
    }
    imports.remap(id, mapping, me);
    if (form.containsKey("check")) {
      imports.startCheck(id, me);
    } else {
      redirect.addFlashAttribute("saved", true);
    }
    return "redirect:/customers/imports/" + id;
  }

  @PostMapping("/{id}/run")
  String run(@PathVariable UUID id, CurrentUser me) {
    imports.start(id, me);
    return "redirect:/customers/imports/" + id;
  }

  @PostMapping("/{id}/rollback")
  String rollback(@PathVariable UUID id, CurrentUser me) {
    imports.rollback(id, me);
    return "redirect:/customers/imports/" + id;
  }

  @GetMapping("/{id}/problems.csv")
  ResponseEntity<StreamingResponseBody> problems(
      @PathVariable UUID id, CurrentUser me, Locale locale) {
    imports.get(id, me);
    return ImportProblemsCsv.response(
        id, imports, me, new ImportProblemsCsv.Localised(messages, locale));
  }

  private Optional<JobView> job(CustomerImport i) {
    return i.jobId() == null ? Optional.empty() : jobs.find(i.jobId());
  }
}
