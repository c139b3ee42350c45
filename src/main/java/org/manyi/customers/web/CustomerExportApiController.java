package org.manyi.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.manyi.customers.internal.CustomerExport;
import org.manyi.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The customer list as a CSV or XLSX file. */
@RestController
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ') and hasAuthority('PERM_CUSTOMERS_EXPORT')")
@Tag(name = "Customers")
class CustomerExportApiController {

  private final CustomerExport export;

  CustomerExportApiController(CustomerExport export) {
    this.export = export;
  }

  @GetMapping("/api/v1/customers/export")
  @Operation(
      summary =
          "Export the customers the list filters select (within the caller's scope) as"
              + " format=csv|xlsx, with formula-injection escaping; every exported customer is"
              + " audited")
  ResponseEntity<StreamingResponseBody> export(
      @ModelAttribute ExportQuery query, CurrentUser me, Locale locale) {
    return CustomerExportController.file(export, query, me, locale);
  }
}
