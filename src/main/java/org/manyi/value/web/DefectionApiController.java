package org.manyi.value.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.value.internal.Defection;
import org.manyi.value.internal.DefectionReason;
import org.manyi.value.internal.Defections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Defections of lost customers, their reasons and the win-back list as JSON. */
@RestController
@Tag(name = "Defection analysis", description = "Why customers left, and whom to win back")
class DefectionApiController {

  private final Defections defections;
  private final CustomerAccess access;

  DefectionApiController(Defections defections, CustomerAccess access) {
    this.defections = defections;
    this.access = access;
  }

  /** Grouped reason counts and the group dimension. */
  record Breakdown(String by, LocalDate from, LocalDate to, List<Defections.Breakdown> groups) {}

  /** A reason to add or change; the code comes from the path. */
  record ReasonRequest(
      @Nullable String nameZh,
      @Nullable String nameEn,
      @Nullable Boolean winnable,
      @Nullable Boolean active,
      @Nullable Integer position) {}

  /** A win-back candidate: the defection and whether trying makes sense. */
  record WinBack(Defection defection, boolean winnable) {}

  @GetMapping("/api/v1/analytics/defections/pareto")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary =
          "Pareto chart of the defection reasons of the period (defection date, bounds"
              + " included; default the last 12 months), the vital few explaining 80% flagged")
  Defections.Pareto pareto(
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Locale locale) {
    Period period = Period.of(from, to);
    return defections.pareto(period.from(), period.to(), locale);
  }

  @GetMapping("/api/v1/analytics/defections/breakdown")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary = "Defection reasons per RFM segment (by=segment) or lifecycle stage (by=stage)")
  Breakdown breakdown(
      @RequestParam(defaultValue = "segment") String by,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    if (!"segment".equals(by) && !"stage".equals(by)) {
      throw ProblemException.invalid("by", "value.param.choice");
    }
    Period period = Period.of(from, to);
    return new Breakdown(
        by,
        period.from(),
        period.to(),
        defections.breakdown(period.from(), period.to(), "segment".equals(by)));
  }

  @GetMapping("/api/v1/analytics/defections/win-back")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "Lost customers not yet back, those worth trying first, then by past spend")
  PageResult<WinBack> winBack(
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return defections
        .winBack(PageRequest.of(page, size))
        .map(d -> new WinBack(d, defections.winnable(d)));
  }

  @GetMapping("/api/v1/analytics/defections/reasons")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  @Operation(summary = "The defection reason taxonomy, retired reasons included")
  List<DefectionReason> reasons() {
    return defections.reasons();
  }

  @PutMapping("/api/v1/analytics/defections/reasons/{code}")
  @PreAuthorize("hasAuthority('PERM_VALUE_SETTINGS_MANAGE')")
  @Operation(summary = "Add a defection reason or change one (names, winnable, retired, order)")
  DefectionReason saveReason(@PathVariable String code, @RequestBody ReasonRequest request) {
    return defections.saveReason(
        new DefectionReason(
            code,
            request.nameZh() == null ? "" : request.nameZh(),
            request.nameEn() == null ? "" : request.nameEn(),
            request.winnable() == null || request.winnable(),
            request.active() == null || request.active(),
            request.position() == null ? 1000 : request.position()));
  }

  @PostMapping("/api/v1/customers/{id}/defection")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  @Operation(
      summary =
          "Record where a lost customer went and why (fills in the open defection, or logs an"
              + " interview)")
  Defection record(@PathVariable UUID id, @RequestBody Defections.Input input, CurrentUser me) {
    return defections.record(readable(id, me), input, me.username());
  }

  @GetMapping("/api/v1/customers/{id}/defections")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  @Operation(summary = "A customer's defections, newest first")
  List<Defection> ofCustomer(@PathVariable UUID id, CurrentUser me) {
    return defections.of(readable(id, me));
  }

  private CustomerId readable(UUID id, CurrentUser me) {
    CustomerId customer = new CustomerId(id);
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("customer.notFound");
    }
    return customer;
  }

  /** A period from query parameters: the last 12 months up to today by default. */
  record Period(LocalDate from, LocalDate to) {
    static Period of(@Nullable String from, @Nullable String to) {
      LocalDate end = QueryParams.date("to", to);
      LocalDate start = QueryParams.date("from", from);
      LocalDate last = end == null ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : end;
      return new Period(start == null ? last.minusYears(1).plusDays(1) : start, last);
    }
  }
}
