package org.manyi.interactions.internal;

import java.time.Instant;
import java.util.UUID;
import org.manyi.identity.UserId;
import org.manyi.interactions.InteractionId;

/**
 * A file attached to an interaction (a recording, a photo of a visit, a signed form). The bytes are
 * stored by {@link AttachmentStore}; this is the metadata.
 *
 * @param contentType the type detected from the content, never the one the client claimed
 * @param sha256 hex digest of the content, to check a file on disk against its record
 */
public record Attachment(
    UUID id,
    InteractionId interaction,
    String fileName,
    String contentType,
    long size,
    String sha256,
    UserId uploadedBy,
    Instant uploadedAt) {}
