package org.manyi.customers.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.CustomerId;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.internal.AuditAction;
import org.manyi.customers.internal.CustomField;
import org.manyi.customers.internal.CustomFields;
import org.manyi.customers.internal.Customer;
import org.manyi.customers.internal.CustomerFilter;
import org.manyi.customers.internal.CustomerKind;
import org.manyi.customers.internal.CustomerManagement;
import org.manyi.customers.internal.CustomerPool;
import org.manyi.customers.internal.CustomerProfile;
import org.manyi.customers.internal.CustomerSort;
import org.manyi.customers.internal.CustomerTimeline;
import org.manyi.customers.internal.FieldType;
import org.manyi.customers.internal.Gender;
import org.manyi.customers.internal.IdNumbers;
import org.manyi.customers.internal.MergeChoice;
import org.manyi.customers.internal.SavedViews;
import org.manyi.customers.internal.SourceChannel;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Permission;
import org.manyi.identity.UserSummary;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer pages: list with live search, filters, sorting and paging; create and edit with
 * inline validation and a duplicate warning; delete; the 360 page with masked contacts, the audited
 * reveal and the lazily loaded timeline; the audit trail for admins.
 */
@Controller
@RequestMapping("/customers")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
class CustomerController {

  static final String LIST = "customers/list";
  static final String ROWS = "customers/list :: rows";
  static final String FORM = "customers/form";
  static final String DETAIL = "customers/detail";
  static final String CONTACTS = "customers/detail :: contacts";
  static final String TIMELINE = "customers/detail :: timeline";
  static final String AUDIT = "customers/audit";
  static final String DUPLICATES = "customers/duplicates";
  static final String MERGE = "customers/merge";

  static final int PAGE_SIZE = 25;

  private final CustomerManagement customers;
  private final CustomerTimeline timeline;
  private final CustomerViews views;
  private final MessageSource messages;
  private final CustomerPool pool;
  private final SavedViews savedViews;
  private final CustomFields customFields;

  CustomerController(
      CustomerManagement customers,
      CustomerTimeline timeline,
      CustomerViews views,
      MessageSource messages,
      CustomerPool pool,
      SavedViews savedViews,
      CustomFields customFields) {
    this.customFields = customFields;
    this.pool = pool;
    this.savedViews = savedViews;
    this.customers = customers;
    this.timeline = timeline;
    this.views = views;
    this.messages = messages;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable LifecycleStage stage,
      @RequestParam(required = false) @Nullable String tag,
      @RequestParam(required = false) @Nullable UUID owner,
      @RequestParam(required = false) @Nullable UUID team,
      @RequestParam(required = false) @Nullable String city,
      @RequestParam(required = false) @Nullable SourceChannel source,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate createdFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate createdTo,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "true") boolean desc,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) @Nullable String field,
      @RequestParam(required = false) @Nullable String fieldValue,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    CustomerFilter filter =
        new CustomerFilter(
            blankToNull(q),
            stage,
            blankToNull(tag),
            owner,
            team,
            blankToNull(city),
            source,
            createdFrom,
            createdTo,
            blankToNull(field),
            blankToNull(fieldValue));
    model.addAttribute(
        "customers",
        views.items(
            customers.search(
                filter, CustomerSort.parse(sort), desc, new PageRequest(page, PAGE_SIZE), me)));
    model.addAttribute("filter", filter);
    model.addAttribute("sort", sort.toLowerCase(Locale.ROOT));
    model.addAttribute("desc", desc);
    model.addAttribute("filtered", isFiltered(filter));
    model.addAttribute("baseUrl", baseUrl(filter));
    model.addAttribute("exportUrl", baseUrl(filter).replace("/customers?", "/customers/export?"));
    model.addAttribute(
        "viewQuery",
        baseUrl(filter).substring("/customers?".length()) + "sort=" + sort + "&desc=" + desc);
    model.addAttribute("savedViews", savedViews.mine(me));
    model.addAttribute("customFieldDefs", customFields.all());
    model.addAttribute("stages", LifecycleStage.values());
    model.addAttribute("sources", SourceChannel.values());
    model.addAttribute("tags", customers.knownTags());
    model.addAttribute("cities", customers.knownCities());
    List<UserSummary> owners = customers.assignableOwners(me);
    model.addAttribute("owners", owners);
    // the teams of the users one may see customers of; a single team needs no filter
    Map<UUID, String> teams = new TreeMap<>();
    owners.forEach(
        o -> {
          if (o.teamId() != null && o.teamName() != null) {
            teams.put(o.teamId().value(), o.teamName());
          }
        });
    model.addAttribute("teams", teams);
    return htmx != null ? ROWS : LIST;
  }

  @GetMapping("/new")
  String newForm(CurrentUser me, Model model) {
    model.addAttribute("form", CustomerForm.empty());
    return form(model, null, me);
  }

  @PostMapping("/new")
  String create(
      @ModelAttribute("form") CustomerForm form,
      BindingResult binding,
      @RequestParam(defaultValue = "false") boolean allowDuplicate,
      @RequestParam MultiValueMap<String, String> params,
      CurrentUser me,
      Model model,
      RedirectAttributes flash) {
    model.addAttribute("customValues", customValues(params));
    if (binding.hasErrors()) {
      return form(model, null, me);
    }
    try {
      Customer customer =
          customers.register(
              form.edit().withCustomFields(new HashMap<>(customValues(params))),
              allowDuplicate,
              me);
      flash.addFlashAttribute("flashSuccess", "customer.created");
      flash.addFlashAttribute("flashArg", customer.profile().name());
      return "redirect:/customers/" + customer.id();
    } catch (ProblemException e) {
      if ("duplicate-customer".equals(e.type())) {
        model.addAttribute("duplicates", e.properties().get("candidates"));
      } else {
        CustomerFormErrors.reject(e, binding);
      }
      return form(model, null, me);
    }
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, CurrentUser me, Locale locale, Model model) {
    Customer customer = customers.get(new CustomerId(id), me);
    CustomerResource resource = views.resource(customer, false);
    model.addAttribute("customer", resource);
    model.addAttribute("customFieldDefs", customFields.all());
    model.addAttribute(
        "consents",
        resource.consents().stream()
            .collect(java.util.stream.Collectors.toMap(c -> c.channel().name(), c -> c)));
    model.addAttribute("revealed", false);
    model.addAttribute("canReveal", me.can(Permission.CUSTOMERS_REVEAL));
    model.addAttribute("timelineTypes", timeline.types(locale));
    model.addAttribute("consentChannels", ConsentChannel.values());
    model.addAttribute("inPool", pool.inPool(customer.id()));
    model.addAttribute("assignments", views.assignments(pool.history(customer.id())));
    return DETAIL;
  }

  @PostMapping("/{id}/reveal")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_REVEAL')")
  String reveal(@PathVariable UUID id, CurrentUser me, Model model) {
    model.addAttribute("customer", views.resource(customers.reveal(new CustomerId(id), me), true));
    model.addAttribute("revealed", true);
    model.addAttribute("canReveal", true);
    return CONTACTS;
  }

  @GetMapping("/{id}/timeline")
  String timeline(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String type,
      CurrentUser me,
      Locale locale,
      Model model) {
    model.addAttribute(
        "entries", timeline.entries(new CustomerId(id), blankToNull(type), 100, locale, me));
    model.addAttribute("timelineTypes", timeline.types(locale));
    return TIMELINE;
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable UUID id, CurrentUser me, Model model) {
    boolean showContacts = me.can(Permission.CUSTOMERS_REVEAL);
    Customer customer =
        showContacts
            // the form shows the contacts in full: that is a reveal, and audited as one
            ? customers.reveal(new CustomerId(id), me)
            : customers.get(new CustomerId(id), me);
    model.addAttribute("form", CustomerForm.of(customer, showContacts));
    return form(model, customer, me);
  }

  @PostMapping("/{id}/edit")
  String update(
      @PathVariable UUID id,
      @ModelAttribute("form") CustomerForm form,
      BindingResult binding,
      @RequestParam MultiValueMap<String, String> params,
      CurrentUser me,
      Model model,
      RedirectAttributes flash) {
    Customer customer = customers.get(new CustomerId(id), me);
    model.addAttribute("customValues", customValues(params));
    if (binding.hasErrors()) {
      return form(model, customer, me);
    }
    try {
      customers.change(
          customer.id(), form.edit().withCustomFields(new HashMap<>(customValues(params))), me);
      flash.addFlashAttribute("flashSuccess", "customer.saved");
      flash.addFlashAttribute("flashArg", customer.profile().name());
      return "redirect:/customers/" + customer.id();
    } catch (ProblemException e) {
      CustomerFormErrors.reject(e, binding);
      return form(model, customer, me);
    }
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable UUID id, CurrentUser me, RedirectAttributes flash) {
    Customer customer = customers.get(new CustomerId(id), me);
    customers.delete(customer.id(), me);
    flash.addFlashAttribute("flashSuccess", "customer.deleted");
    flash.addFlashAttribute("flashArg", customer.profile().name());
    return "redirect:/customers";
  }

  @GetMapping("/duplicates")
  String duplicates(CurrentUser me, Model model) {
    model.addAttribute("pairs", customers.suspectedDuplicates(100, me));
    return DUPLICATES;
  }

  /** One line of the side-by-side merge page: the field and both records' values. */
  record MergeRow(String field, String left, String right) {}

  @GetMapping("/{id}/merge")
  String mergeForm(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID sourceId,
      @RequestParam(required = false) @Nullable String q,
      CurrentUser me,
      Locale locale,
      Model model) {
    Customer survivor = customers.get(new CustomerId(id), me);
    model.addAttribute("survivor", survivor);
    model.addAttribute("q", q);
    if (sourceId != null) {
      Customer source = customers.get(new CustomerId(sourceId), me);
      model.addAttribute("source", source);
      model.addAttribute(
          "rows",
          MergeChoice.FIELDS.stream()
              .map(f -> new MergeRow(f, display(survivor, f, locale), display(source, f, locale)))
              .toList());
      return MERGE;
    }
    model.addAttribute(
        "candidates",
        customers.duplicates(survivor.profile(), survivor.id(), me).stream()
            .filter(d -> d.id() != null)
            .toList());
    model.addAttribute(
        "found",
        q == null || q.isBlank()
            ? List.of()
            : customers
                .search(
                    new CustomerFilter(
                        q, null, null, null, null, null, null, null, null, null, null),
                    CustomerSort.NAME,
                    false,
                    new PageRequest(0, 10),
                    me)
                .items()
                .stream()
                .filter(c -> !c.id().equals(survivor.id()))
                .toList());
    return MERGE;
  }

  @PostMapping("/{id}/merge")
  String merge(
      @PathVariable UUID id,
      @RequestParam UUID sourceId,
      @RequestParam(required = false) @Nullable List<String> fields,
      CurrentUser me,
      RedirectAttributes flash) {
    Customer merged =
        customers.merge(
            new CustomerId(id),
            new CustomerId(sourceId),
            MergeChoice.of(fields == null ? List.of() : fields),
            me);
    flash.addFlashAttribute("flashSuccess", "customer.merged");
    flash.addFlashAttribute("flashArg", merged.profile().name());
    return "redirect:/customers/" + merged.id();
  }

  /** A field's value as the merge page shows it: contacts masked, choices in words. */
  private String display(Customer c, String field, Locale locale) {
    CustomerProfile p = c.profile();
    Object value =
        switch (field) {
          case "name" -> p.name();
          case "kind" -> label("customer.kind." + p.kind(), locale);
          case "gender" -> label("customer.gender." + p.gender(), locale);
          case "birthday" -> p.birthday();
          case "phone" -> String.join(", ", CustomerViews.maskPhones(p.phones()));
          case "email" -> String.join(", ", CustomerViews.maskEmails(p.emails()));
          case "province" -> p.province();
          case "city" -> p.city();
          case "address" -> p.address();
          case "source" ->
              p.source() == null ? null : label("customer.source." + p.source(), locale);
          case "externalId" -> p.externalId();
          case "notes" -> p.notes();
          case "idNumber" -> p.idNumber() == null ? null : IdNumbers.mask(p.idNumber());
          default -> null;
        };
    return value == null || value.toString().isBlank() ? "—" : value.toString();
  }

  private String label(String code, Locale locale) {
    return messages.getMessage(code, null, code, locale);
  }

  @GetMapping("/audit")
  @PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
  String audit(
      @RequestParam(required = false) @Nullable AuditAction action,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("entries", customers.auditTrail(action, new PageRequest(page, 50)));
    model.addAttribute("action", action);
    model.addAttribute("actions", AuditAction.values());
    return AUDIT;
  }

  /** The custom field inputs of the form ("cf.<key>"); several choices joined by "|". */
  private Map<String, String> customValues(MultiValueMap<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (CustomField field : customFields.all()) {
      List<String> sent = params.get("cf." + field.key());
      if (sent != null) {
        values.put(field.key(), String.join("|", sent));
      } else if (field.type() == FieldType.MULTI_CHOICE && params.containsKey("cf-present")) {
        values.put(field.key(), ""); // no box ticked: clear
      }
    }
    return values;
  }

  private String form(Model model, @Nullable Customer editing, CurrentUser me) {
    model.addAttribute("editing", editing);
    model.addAttribute("customFieldDefs", customFields.all());
    if (!model.containsAttribute("customValues")) {
      model.addAttribute(
          "customValues", editing == null ? Map.of() : customFields.values(editing.id()));
    }
    // the form record itself is absent after a conversion error, so the template asks this
    model.addAttribute("contactsHidden", editing != null && !me.can(Permission.CUSTOMERS_REVEAL));
    model.addAttribute("kinds", CustomerKind.values());
    model.addAttribute("genders", Gender.values());
    model.addAttribute("sources", SourceChannel.values());
    model.addAttribute("owners", customers.assignableOwners(me));
    if (editing != null) {
      model.addAttribute("maskedPhones", CustomerViews.maskPhones(editing.profile().phones()));
      model.addAttribute("maskedEmails", CustomerViews.maskEmails(editing.profile().emails()));
      String idNumber = editing.profile().idNumber();
      model.addAttribute("maskedIdNumber", idNumber == null ? "" : IdNumbers.mask(idNumber));
    }
    return FORM;
  }

  private static boolean isFiltered(CustomerFilter f) {
    return f.q() != null
        || f.stage() != null
        || f.tag() != null
        || f.owner() != null
        || f.team() != null
        || f.city() != null
        || f.source() != null
        || f.createdFrom() != null
        || f.createdTo() != null
        || f.fieldValue() != null;
  }

  /** The list's address with the filter, ready for "sort=..." or "page=..." to be appended. */
  private static String baseUrl(CustomerFilter f) {
    StringBuilder url = new StringBuilder("/customers?");
    param(url, "q", f.q());
    param(url, "stage", f.stage());
    param(url, "tag", f.tag());
    param(url, "owner", f.owner());
    param(url, "team", f.team());
    param(url, "city", f.city());
    param(url, "source", f.source());
    param(url, "createdFrom", f.createdFrom());
    param(url, "createdTo", f.createdTo());
    param(url, "field", f.field());
    param(url, "fieldValue", f.fieldValue());
    return url.toString();
  }

  private static void param(StringBuilder url, String name, @Nullable Object value) {
    if (value != null) {
      url.append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8))
          .append('&');
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
