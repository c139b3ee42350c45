package org.manyi.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.CustomField;
import org.manyi.customers.internal.CustomFields;
import org.manyi.customers.internal.FieldType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin-defined customer fields. */
@RestController
@RequestMapping("/api/v1/customers/fields")
@Tag(name = "Customers")
class CustomFieldApiController {

  private final CustomFields fields;

  CustomFieldApiController(CustomFields fields) {
    this.fields = fields;
  }

  /** A field definition to add or change. */
  record FieldRequest(
      @Nullable String labelZh,
      @Nullable String labelEn,
      @Nullable FieldType type,
      @Nullable List<String> options,
      @Nullable Boolean inList,
      @Nullable Integer position) {}

  @GetMapping
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  @Operation(summary = "The custom fields, in their order")
  List<CustomField> list() {
    return fields.all();
  }

  @PutMapping("/{key}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary =
          "Add or change a field (admins): TEXT, NUMBER, DATE, CHOICE or MULTI_CHOICE; customers"
              + " then carry it in customFields.<key>")
  CustomField put(@PathVariable String key, @RequestBody FieldRequest request) {
    return fields.define(
        new CustomField(
            key,
            request.labelZh() == null ? "" : request.labelZh(),
            request.labelEn() == null ? "" : request.labelEn(),
            request.type(),
            request.options(),
            Boolean.TRUE.equals(request.inList()),
            request.position() == null ? 0 : request.position()));
  }

  @DeleteMapping("/{key}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Remove a field and every customer's value of it (204)")
  ResponseEntity<Void> delete(@PathVariable String key) {
    fields.delete(key);
    return ResponseEntity.noContent().build();
  }
}
