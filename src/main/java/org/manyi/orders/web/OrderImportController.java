package org.manyi.orders.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.orders.internal.OrderImports;
import org.manyi.orders.internal.OrderIngestion;
import org.manyi.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The order import page: upload a file, read the check of every order, then import after
 * confirming; the import runs as a job whose page shows its progress and counts.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_ORDERS_MANAGE')")
class OrderImportController {

  static final String PAGE = "orders/import";

  private final OrderImports imports;

  OrderImportController(OrderImports imports) {
    this.imports = imports;
  }

  @GetMapping("/orders/imports")
  String form(Model model) {
    model.addAttribute("unknownCustomer", "REJECT");
    return PAGE;
  }

  @PostMapping("/orders/imports")
  String check(
      @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "REJECT") String unknownCustomer,
      CurrentUser me,
      Model model) {
    OrderIngestion.UnknownCustomer unknown = unknown(unknownCustomer);
    model.addAttribute("unknownCustomer", unknown.name());
    if (file == null || file.isEmpty()) {
      model.addAttribute("fileError", "import.file.empty");
      return PAGE;
    }
    try (InputStream content = file.getInputStream()) {
      OrderImports.Upload upload = imports.upload(content, null);
      model.addAttribute("upload", upload);
      model.addAttribute("report", imports.dryRun(upload, unknown, me));
    } catch (ProblemException e) {
      model.addAttribute("fileError", e.firstField() == null ? e.code() : e.firstField().code());
      model.addAttribute(
          "fileErrorArgs", e.firstField() == null ? e.args() : e.firstField().args());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return PAGE;
  }

  @PostMapping("/orders/imports/{file}/run")
  String run(
      @PathVariable UUID file,
      @RequestParam(defaultValue = "REJECT") String unknownCustomer,
      CurrentUser me) {
    UUID job = imports.start(imports.reopen(file), unknown(unknownCustomer), me);
    return "redirect:/jobs/" + job;
  }

  private static OrderIngestion.UnknownCustomer unknown(String value) {
    try {
      return OrderIngestion.UnknownCustomer.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("unknownCustomer", "orders.import.unknownCustomer");
    }
  }
}
