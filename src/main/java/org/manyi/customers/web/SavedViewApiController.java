package org.manyi.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.SavedView;
import org.manyi.customers.internal.SavedViews;
import org.manyi.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved views of the customer list. */
@RestController
@RequestMapping("/api/v1/customers/views")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
@Tag(name = "Customers")
class SavedViewApiController {

  private final SavedViews views;

  SavedViewApiController(SavedViews views) {
    this.views = views;
  }

  /** A view to save: its name and the list's query string (filters, sort). */
  record SavedViewRequest(@Nullable String name, @Nullable String query) {}

  @GetMapping
  @Operation(summary = "The caller's saved views, by name")
  List<SavedView> list(CurrentUser me) {
    return views.mine(me);
  }

  @PostMapping
  @Operation(summary = "Save a view (201); a view of the same name is replaced")
  ResponseEntity<SavedView> save(@RequestBody SavedViewRequest request, CurrentUser me) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            views.save(
                request.name() == null ? "" : request.name(),
                request.query() == null ? "" : request.query(),
                me));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete one of the caller's views (204)")
  ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser me) {
    views.delete(id, me);
    return ResponseEntity.noContent().build();
  }
}
