package org.manyi.customers.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.manyi.customers.internal.CustomerImports;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.TabularWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The downloadable error report of an import: every rejected row with its reason. */
final class ImportProblemsCsv {

  private ImportProblemsCsv() {}

  static ResponseEntity<StreamingResponseBody> response(
      UUID id, CustomerImports imports, CurrentUser me, Localised messages) {
    StreamingResponseBody body =
        out -> {
          try (TabularWriter writer = TabularWriter.open(TabularWriter.Format.CSV, out)) {
            writer.row(List.of("line", "field", "code", "detail", "reason"));
            imports.problems(
                id,
                me,
                p ->
                    writer.row(
                        List.of(
                            String.valueOf(p.line()),
                            p.field(),
                            p.code(),
                            p.detail(),
                            messages.reason(p.code(), p.detail()))));
          }
        };
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"import-" + id + "-problems.csv\"")
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .body(body);
  }

  /** Reasons in the reader's language. */
  record Localised(MessageSource source, Locale locale) {
    String reason(String code, String detail) {
      return source.getMessage(code, new Object[] {detail}, code, locale);
    }
  }
}
