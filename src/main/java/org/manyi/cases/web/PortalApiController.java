package org.manyi.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.CaseType;
import org.manyi.cases.internal.PortalCase;
import org.manyi.cases.internal.PortalCases;
import org.manyi.cases.internal.PortalSubmission;
import org.manyi.cases.internal.Reaction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal as JSON, for a customer app: no sign-in; following a case needs the access token that
 * {@code POST .../access} gives for a mailed one-time code, sent back in the {@code X-Portal-Token}
 * header. Limited per IP address like the pages (429 past the limits).
 */
@RestController
@RequestMapping("/api/v1/public/portal")
@Tag(name = "Service portal (public)", description = "Submit and follow a case without sign-in")
class PortalApiController {

  static final String TOKEN_HEADER = "X-Portal-Token";

  private final PortalCases portal;

  PortalApiController(PortalCases portal) {
    this.portal = portal;
  }

  record SubmitRequest(
      @Nullable CaseType type,
      @Nullable String name,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String description,
      @Nullable String remedyRequested) {}

  record CodeRequest(@Nullable String email) {}

  record AccessRequest(@Nullable String code) {}

  record AccessGranted(String token, long expiresInSeconds) {}

  record MessageRequest(@Nullable String text) {}

  record ReactionRequest(
      @Nullable Reaction reaction, @Nullable Integer satisfaction, @Nullable String note) {}

  @PostMapping("/cases")
  @Operation(summary = "Submit feedback (201 with the case number, mailed to the customer)")
  ResponseEntity<Map<String, String>> submit(
      @RequestBody SubmitRequest body, HttpServletRequest request, Locale locale) {
    String number =
        portal.submit(
            new PortalSubmission(
                body.type(),
                body.name(),
                body.email(),
                body.phone(),
                body.description(),
                body.remedyRequested()),
            request.getRemoteAddr(),
            locale);
    return ResponseEntity.created(URI.create("/api/v1/public/portal/cases/" + number))
        .body(Map.of("number", number));
  }

  @PostMapping("/cases/{number}/code")
  @Operation(
      summary =
          "Mail a one-time code when email is the case's address (202 either way; 503 without a"
              + " mail server)")
  ResponseEntity<Void> code(
      @PathVariable String number, @RequestBody CodeRequest body, HttpServletRequest request) {
    portal.requestCode(number, body.email(), request.getRemoteAddr());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/cases/{number}/access")
  @Operation(summary = "Exchange a one-time code for an access token (400 on field code if wrong)")
  AccessGranted access(
      @PathVariable String number, @RequestBody AccessRequest body, HttpServletRequest request) {
    return new AccessGranted(
        portal.verify(number, body.code(), request.getRemoteAddr()),
        portal.accessValidity().toSeconds());
  }

  @GetMapping("/cases/{number}")
  @Operation(summary = "The case with its customer-visible history (404 without a valid token)")
  PortalCase view(
      @PathVariable String number,
      @RequestHeader(value = TOKEN_HEADER, required = false) @Nullable String token) {
    return portal.view(number, token);
  }

  @PostMapping("/cases/{number}/messages")
  ResponseEntity<Void> message(
      @PathVariable String number,
      @RequestHeader(value = TOKEN_HEADER, required = false) @Nullable String token,
      @RequestBody MessageRequest body,
      HttpServletRequest request) {
    portal.message(number, token, body.text(), request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/cases/{number}/reaction")
  @Operation(
      summary =
          "Accept or reject the proposed resolution with a 1-5 satisfaction rating; a rejection"
              + " escalates the case (409 when no resolution waits)")
  ResponseEntity<Void> reaction(
      @PathVariable String number,
      @RequestHeader(value = TOKEN_HEADER, required = false) @Nullable String token,
      @RequestBody ReactionRequest body) {
    portal.react(number, token, body.reaction(), body.satisfaction(), body.note());
    return ResponseEntity.noContent().build();
  }
}
