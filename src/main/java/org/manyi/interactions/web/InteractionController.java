package org.manyi.interactions.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.identity.CurrentUser;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.InteractionId;
import org.manyi.interactions.NewInteraction;
import org.manyi.interactions.internal.Interaction;
import org.manyi.interactions.internal.InteractionFilter;
import org.manyi.interactions.internal.InteractionManagement;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The interaction pages: the quick-log form (a whole page, or an htmx fragment for the customer 360
 * page), a customer's interactions, the list of all interactions in scope with filters, and one
 * interaction with its attachments.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
class InteractionController {

  static final String NEW = "interactions/new";
  static final String NEW_FRAGMENT = "interactions/new :: form";
  static final String LOGGED_FRAGMENT = "interactions/new :: logged";
  static final String CUSTOMER_LIST = "interactions/customer";
  static final String LIST = "interactions/list";
  static final String ROWS = "interactions/list :: rows";
  static final String DETAIL = "interactions/detail";

  static final int PAGE_SIZE = 25;

  /** The htmx event a logged interaction triggers, for {@code hx-trigger="... from:body"}. */
  static final String LOGGED_EVENT = "interactionLogged";

  private final InteractionManagement interactions;
  private final Clock clock = Clock.systemUTC();

  InteractionController(InteractionManagement interactions) {
    this.interactions = interactions;
  }

  @GetMapping("/customers/{id}/interactions/new")
  String newForm(
      @PathVariable UUID id,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    CustomerSummary customer = interactions.customer(new CustomerId(id), me);
    model.addAttribute("form", InteractionForm.empty(clock.instant(), interactions.zone()));
    return form(customer, Map.of(), htmx, model);
  }

  @PostMapping("/customers/{id}/interactions/new")
  String log(
      @PathVariable UUID id,
      @ModelAttribute("form") InteractionForm form,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    CustomerSummary customer = interactions.customer(new CustomerId(id), me);
    Map<String, String> errors = new LinkedHashMap<>();
    NewInteraction input = form.toNew(customer.id(), me.id(), interactions.zone(), errors);
    if (input == null) {
      return form(customer, errors, htmx, model);
    }
    Interaction logged;
    try {
      logged = interactions.log(input, me);
    } catch (ProblemException e) {
      if (e.status().is4xxClientError() && e.firstField() != null) {
        errors.put(e.firstField().field(), e.firstField().code());
        return form(customer, errors, htmx, model);
      }
      throw e;
    }
    if (htmx != null) {
      // lets the page around the fragment (the 360 timeline) refresh itself
      response.setHeader("HX-Trigger", LOGGED_EVENT);
      model.addAttribute("customer", customer);
      model.addAttribute("interaction", logged);
      return LOGGED_FRAGMENT;
    }
    flash.addFlashAttribute("flashSuccess", "interaction.logged");
    return "redirect:/interactions/" + logged.id();
  }

  private String form(
      CustomerSummary customer, Map<String, String> errors, @Nullable String htmx, Model model) {
    model.addAttribute("customer", customer);
    model.addAttribute("errors", errors);
    model.addAttribute("channels", Channel.values());
    model.addAttribute("directions", Direction.values());
    return htmx != null ? NEW_FRAGMENT : NEW;
  }

  @GetMapping("/customers/{id}/interactions")
  String ofCustomer(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Channel channel,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    CustomerSummary customer = interactions.customer(new CustomerId(id), me);
    InteractionFilter filter = new InteractionFilter(null, channel, null, null, null, null, null);
    model.addAttribute("customer", customer);
    model.addAttribute("filter", filter);
    model.addAttribute("channels", Channel.values());
    model.addAttribute(
        "interactions",
        interactions.ofCustomer(customer.id(), filter, new PageRequest(page, PAGE_SIZE), me));
    model.addAttribute(
        "baseUrl",
        "/customers/"
            + id
            + "/interactions?"
            + (channel == null ? "" : "channel=" + channel + "&"));
    return htmx != null ? ROWS : CUSTOMER_LIST;
  }

  @GetMapping("/interactions")
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable Channel channel,
      @RequestParam(required = false) @Nullable Direction direction,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    String query = q == null || q.isBlank() ? null : q.strip();
    InteractionFilter filter =
        new InteractionFilter(
            query, channel, direction, null, mine ? me.id().value() : null, from, to);
    model.addAttribute("filter", filter);
    model.addAttribute("mine", mine);
    model.addAttribute("channels", Channel.values());
    model.addAttribute("directions", Direction.values());
    model.addAttribute(
        "interactions", interactions.search(filter, new PageRequest(page, PAGE_SIZE), me));
    model.addAttribute("baseUrl", baseUrl(filter, mine));
    return htmx != null ? ROWS : LIST;
  }

  private static String baseUrl(InteractionFilter filter, boolean mine) {
    StringBuilder url = new StringBuilder("/interactions?");
    if (filter.q() != null) {
      url.append("q=")
          .append(java.net.URLEncoder.encode(filter.q(), java.nio.charset.StandardCharsets.UTF_8))
          .append('&');
    }
    if (filter.channel() != null) {
      url.append("channel=").append(filter.channel()).append('&');
    }
    if (filter.direction() != null) {
      url.append("direction=").append(filter.direction()).append('&');
    }
    if (filter.from() != null) {
      url.append("from=").append(filter.from()).append('&');
    }
    if (filter.to() != null) {
      url.append("to=").append(filter.to()).append('&');
    }
    if (mine) {
      url.append("mine=true&");
    }
    return url.toString();
  }

  @GetMapping("/interactions/{id}")
  String detail(@PathVariable UUID id, CurrentUser me, Model model) {
    InteractionId interaction = new InteractionId(id);
    var view = interactions.view(interaction, me);
    model.addAttribute("view", view);
    model.addAttribute("interaction", view.interaction());
    model.addAttribute("attachments", interactions.attachments(interaction, me));
    model.addAttribute("maxMegabytes", interactions.maxAttachmentSize().toMegabytes());
    return DETAIL;
  }

  @PostMapping("/interactions/{id}/attachments")
  String attach(
      @PathVariable UUID id,
      @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
      CurrentUser me,
      RedirectAttributes flash)
      throws IOException {
    try {
      if (file == null || file.isEmpty()) {
        throw ProblemException.invalid("file", "interaction.attachment.empty");
      }
      if (file.getSize() > interactions.maxAttachmentSize().toBytes()) {
        throw ProblemException.invalid(
            "file",
            "interaction.attachment.tooLarge",
            interactions.maxAttachmentSize().toMegabytes());
      }
      interactions.attach(
          new InteractionId(id),
          file.getOriginalFilename() == null ? "attachment" : file.getOriginalFilename(),
          file.getBytes(),
          me);
      flash.addFlashAttribute("flashSuccess", "interaction.attachment.added");
    } catch (ProblemException e) {
      if (e.firstField() == null) {
        throw e;
      }
      flash.addFlashAttribute("uploadError", e.firstField().code());
      Object[] args = e.firstField().args();
      flash.addFlashAttribute("uploadErrorArg", args.length > 0 ? args[0] : "");
    }
    return "redirect:/interactions/" + id;
  }

  @GetMapping("/interactions/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> download(
      @PathVariable UUID id, @PathVariable UUID attachmentId, CurrentUser me) {
    return InteractionApiController.file(
        interactions.download(new InteractionId(id), attachmentId, me));
  }
}
