package org.manyi.customers.web;

import java.time.LocalDate;
import java.util.Locale;
import org.manyi.customers.internal.CustomerExport;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.TabularWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The export download of the customer list page, with the list's filters. */
@Controller
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ') and hasAuthority('PERM_CUSTOMERS_EXPORT')")
class CustomerExportController {

  private final CustomerExport export;

  CustomerExportController(CustomerExport export) {
    this.export = export;
  }

  @GetMapping("/customers/export")
  ResponseEntity<StreamingResponseBody> download(
      @ModelAttribute ExportQuery query, CurrentUser me, Locale locale) {
    return file(export, query, me, locale);
  }

  /** The streamed file, shared with the JSON API's export. */
  static ResponseEntity<StreamingResponseBody> file(
      CustomerExport export, ExportQuery query, CurrentUser me, Locale locale) {
    TabularWriter.Format format = query.fileFormat();
    StreamingResponseBody body = out -> export.write(query.filter(), format, out, me, locale);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"customers-" + LocalDate.now() + "." + format.extension() + "\"")
        .contentType(MediaType.parseMediaType(format.mediaType()))
        .body(body);
  }
}
