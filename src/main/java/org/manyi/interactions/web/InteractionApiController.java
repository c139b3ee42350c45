package org.manyi.interactions.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.InteractionId;
import org.manyi.interactions.internal.Interaction;
import org.manyi.interactions.internal.InteractionFilter;
import org.manyi.interactions.internal.InteractionManagement;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Interactions as JSON, within the caller's customer data scope: an interaction or customer outside
 * it answers 404.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
@Tag(name = "Interactions", description = "Conversations with customers (沟通记录) and attachments")
class InteractionApiController {

  private final InteractionManagement interactions;
  private final Clock clock = Clock.systemUTC();

  InteractionApiController(InteractionManagement interactions) {
    this.interactions = interactions;
  }

  @PostMapping("/interactions")
  @Operation(
      summary =
          "Log an interaction (201); counts as follow-up of the customer. occurredAt defaults to"
              + " now")
  ResponseEntity<InteractionResource> log(@RequestBody InteractionRequest request, CurrentUser me) {
    Interaction logged = interactions.log(request.toNew(me.id(), clock.instant()), me);
    return ResponseEntity.created(URI.create("/api/v1/interactions/" + logged.id()))
        .body(InteractionResource.of(interactions.view(logged.id(), me)));
  }

  @GetMapping("/interactions/{id}")
  @Operation(summary = "One interaction")
  InteractionResource one(@PathVariable UUID id, CurrentUser me) {
    return InteractionResource.of(interactions.view(new InteractionId(id), me));
  }

  @GetMapping("/interactions")
  @Operation(
      summary =
          "Interactions of every customer in the caller's scope, newest first, paged; from and to"
              + " are days, inclusive")
  PageResult<InteractionResource> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable Channel channel,
      @RequestParam(required = false) @Nullable Direction direction,
      @RequestParam(required = false) @Nullable UUID customer,
      @RequestParam(required = false) @Nullable UUID loggedBy,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser me) {
    InteractionFilter filter =
        new InteractionFilter(q, channel, direction, customer, loggedBy, from, to);
    return interactions.search(filter, PageRequest.of(page, size), me).map(InteractionResource::of);
  }

  @GetMapping("/customers/{id}/interactions")
  @Operation(summary = "A customer's interactions, newest first, paged")
  PageResult<InteractionResource> ofCustomer(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Channel channel,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser me) {
    InteractionFilter filter = new InteractionFilter(null, channel, null, null, null, null, null);
    return interactions
        .ofCustomer(new CustomerId(id), filter, PageRequest.of(page, size), me)
        .map(InteractionResource::of);
  }

  @GetMapping("/interactions/{id}/attachments")
  @Operation(summary = "The files attached to an interaction")
  List<AttachmentResource> attachments(@PathVariable UUID id, CurrentUser me) {
    return interactions.attachments(new InteractionId(id), me).stream()
        .map(AttachmentResource::of)
        .toList();
  }

  @PostMapping(
      path = "/interactions/{id}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Attach a file (201): PDF, images, recordings (MP3, WAV, AMR, M4A), Office documents or"
              + " UTF-8 text, checked by content; at most 10 MB by default")
  ResponseEntity<AttachmentResource> attach(
      @PathVariable UUID id,
      @RequestPart(value = "file", required = false) @Nullable MultipartFile file,
      CurrentUser me)
      throws IOException {
    if (file == null) {
      throw ProblemException.invalid("file", "interaction.attachment.empty");
    }
    if (file.getSize() > interactions.maxAttachmentSize().toBytes()) {
      // refuse before reading a huge upload into memory
      throw ProblemException.invalid(
          "file",
          "interaction.attachment.tooLarge",
          interactions.maxAttachmentSize().toMegabytes());
    }
    var attachment =
        interactions.attach(
            new InteractionId(id),
            file.getOriginalFilename() == null ? "attachment" : file.getOriginalFilename(),
            file.getBytes(),
            me);
    AttachmentResource resource = AttachmentResource.of(attachment);
    return ResponseEntity.created(URI.create(resource.href())).body(resource);
  }

  @GetMapping("/interactions/{id}/attachments/{attachmentId}")
  @Operation(summary = "Download an attachment")
  ResponseEntity<byte[]> download(
      @PathVariable UUID id, @PathVariable UUID attachmentId, CurrentUser me) {
    return file(interactions.download(new InteractionId(id), attachmentId, me));
  }

  /** The file as a download, never rendered inline, with the type detected at upload. */
  static ResponseEntity<byte[]> file(InteractionManagement.Download download) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(download.attachment().fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .contentType(MediaType.parseMediaType(download.attachment().contentType()))
        .contentLength(download.content().length)
        .body(download.content());
  }
}
