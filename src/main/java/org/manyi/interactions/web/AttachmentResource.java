package org.manyi.interactions.web;

import java.time.Instant;
import java.util.UUID;
import org.manyi.interactions.internal.Attachment;

/** An attachment's metadata; {@code href} downloads it. */
record AttachmentResource(
    UUID id,
    String fileName,
    String contentType,
    long size,
    String sha256,
    Instant uploadedAt,
    String href) {

  static AttachmentResource of(Attachment a) {
    return new AttachmentResource(
        a.id(),
        a.fileName(),
        a.contentType(),
        a.size(),
        a.sha256(),
        a.uploadedAt(),
        "/api/v1/interactions/" + a.interaction() + "/attachments/" + a.id());
  }
}
