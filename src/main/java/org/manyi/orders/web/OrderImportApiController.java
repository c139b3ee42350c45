package org.manyi.orders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.orders.internal.OrderImports;
import org.manyi.orders.internal.OrderIngestion;
import org.manyi.platform.ColumnMapping;
import org.manyi.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** Order imports from CSV or XLSX: a dry run answered at once, or an import job. */
@RestController
@PreAuthorize("hasAuthority('PERM_ORDERS_MANAGE')")
@Tag(name = "Orders")
class OrderImportApiController {

  private final OrderImports imports;
  private final JsonMapper json;

  OrderImportApiController(OrderImports imports, JsonMapper json) {
    this.imports = imports;
    this.json = json;
  }

  /** The answer to an import started as a job. */
  record Started(UUID jobId) {}

  @PostMapping(value = "/api/v1/imports/orders", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import orders from a CSV or XLSX file, one row per line item (rows of one order follow"
              + " each other). dryRun=true answers what would happen (200); otherwise 202 with the"
              + " job, whose result lists rejected orders by line. unknownCustomer=CREATE|REJECT;"
              + " mapping is a JSON object field → column heading, suggested from the headings"
              + " when absent")
  ResponseEntity<?> upload(
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) @Nullable String mapping,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = "REJECT") String unknownCustomer,
      CurrentUser me) {
    OrderIngestion.UnknownCustomer unknown = unknown(unknownCustomer);
    OrderImports.Upload upload;
    try (InputStream content = file.getInputStream()) {
      upload = imports.upload(content, ColumnMapping.fromJson(mapping, json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (dryRun) {
      return ResponseEntity.ok(imports.dryRun(upload, unknown, me));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Started(imports.start(upload, unknown, me)));
  }

  private static OrderIngestion.UnknownCustomer unknown(String value) {
    try {
      return OrderIngestion.UnknownCustomer.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("unknownCustomer", "orders.import.unknownCustomer");
    }
  }
}
