package org.manyi.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.CustomerImport;
import org.manyi.customers.internal.CustomerImports;
import org.manyi.customers.internal.ImportBatch;
import org.manyi.customers.internal.ImportReport;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ColumnMapping;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** Customer imports as JSON: upload with a dry run, or upload and import as a job. */
@RestController
@RequestMapping("/api/v1/imports/customers")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_IMPORT')")
@Tag(name = "Customer imports", description = "CSV/XLSX imports of customers: dry run and jobs")
class CustomerImportApiController {

  private final CustomerImports imports;
  private final JsonMapper json;
  private final MessageSource messages;

  CustomerImportApiController(CustomerImports imports, JsonMapper json, MessageSource messages) {
    this.imports = imports;
    this.json = json;
    this.messages = messages;
  }

  /** The answer to an import started as a job. */
  record Started(UUID jobId, UUID importId) {}

  /** An import with its committed batches. */
  record ImportResource(CustomerImport customerImport, List<ImportBatch> batches) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Upload a CSV or XLSX file of customers. dryRun=true answers the report (200) and writes"
              + " nothing; otherwise 202 with the job: valid rows are imported, invalid ones"
              + " reported in the job's result. mapping is a JSON object field → column heading;"
              + " without it the headings are matched (Chinese or English)")
  ResponseEntity<?> upload(
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) @Nullable String mapping,
      @RequestParam(defaultValue = "false") boolean dryRun,
      CurrentUser me) {
    CustomerImport created;
    try (InputStream content = file.getInputStream()) {
      created =
          imports.upload(
              content, file.getOriginalFilename(), ColumnMapping.fromJson(mapping, json), me);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (dryRun) {
      return ResponseEntity.ok(imports.check(created.id(), me));
    }
    UUID job = imports.start(created.id(), me);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(job, created.id()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "An import: status, counts, mapping and committed batches")
  ImportResource get(@PathVariable UUID id, CurrentUser me) {
    return new ImportResource(imports.get(id, me), imports.batches(id, me));
  }

  @GetMapping("/{id}/report")
  @Operation(summary = "The report of the import's last check or run")
  ImportReport report(@PathVariable UUID id, CurrentUser me) {
    return imports.report(id, me);
  }

  @PostMapping("/{id}/resume")
  @Operation(summary = "Resume an interrupted import after its last committed batch (202, job)")
  ResponseEntity<Started> resume(@PathVariable UUID id, CurrentUser me) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(imports.start(id, me), id));
  }

  @PostMapping("/{id}/rollback")
  @Operation(summary = "Delete the customers an import created")
  CustomerImport rollback(@PathVariable UUID id, CurrentUser me) {
    return imports.rollback(id, me);
  }

  @GetMapping(value = "/{id}/problems", produces = "text/csv")
  @Operation(summary = "Every rejected row of the last check or run, as CSV (line, field, reason)")
  ResponseEntity<StreamingResponseBody> problems(
      @PathVariable UUID id, CurrentUser me, Locale locale) {
    imports.get(id, me);
    return ImportProblemsCsv.response(
        id, imports, me, new ImportProblemsCsv.Localised(messages, locale));
  }
}
