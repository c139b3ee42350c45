package org.manyi.interactions.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The file types an interaction may carry, recognised by their first bytes (magic numbers) rather
 * than by the name or the type a client claims, so an executable renamed to {@code .pdf} is
 * refused.
 */
public enum AttachmentType {
  /** PDF document. */
  PDF("application/pdf", b -> starts(b, 0, "%PDF-")),
  /** PNG image. */
  PNG("image/png", b -> starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
  /** JPEG image. */
  JPEG("image/jpeg", b -> starts(b, 0, 0xFF, 0xD8, 0xFF)),
  /** GIF image. */
  GIF("image/gif", b -> starts(b, 0, "GIF87a") || starts(b, 0, "GIF89a")),
  /** WebP image. */
  WEBP("image/webp", b -> starts(b, 0, "RIFF") && starts(b, 8, "WEBP")),
  /** WAV recording. */
  WAV("audio/wav", b -> starts(b, 0, "RIFF") && starts(b, 8, "WAVE")),
  /** MP3 recording (with an ID3 tag or a bare frame header). */
  MP3(
      "audio/mpeg",
      b ->
          starts(b, 0, "ID3")
              || starts(b, 0, 0xFF, 0xFB)
              || starts(b, 0, 0xFF, 0xF3)
              || starts(b, 0, 0xFF, 0xF2)),
  /** AMR voice message, as phones and WeChat record them. */
  AMR("audio/amr", b -> starts(b, 0, "#!AMR")),
  /** MP4 / M4A audio or video (ISO base media file). */
  MP4("video/mp4", b -> starts(b, 4, "ftyp")),
  /**
   * Office Open XML documents (docx, xlsx, pptx): ZIP files with a content-types part, which other
   * ZIP files (such as Java archives) lack.
   */
  OFFICE(
      "application/vnd.openxmlformats-officedocument",
      b -> starts(b, 0, 'P', 'K', 3, 4) && contains(b, "[Content_Types].xml")),
  /** Plain UTF-8 text (notes, chat exports, CSV) without control characters. */
  TEXT("text/plain; charset=utf-8", AttachmentType::isText);

  private final String contentType;
  private final Predicate<byte[]> matches;

  AttachmentType(String contentType, Predicate<byte[]> matches) {
    this.contentType = contentType;
    this.matches = matches;
  }

  /** The first type whose signature the content carries; empty when none does. */
  public static Optional<AttachmentType> detect(byte[] content) {
    if (content.length == 0) {
      return Optional.empty();
    }
    for (AttachmentType type : values()) {
      if (type.matches.test(content)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type to serve the file as; Office files get the precise type from their extension. */
  public String contentType(String fileName) {
    if (this != OFFICE) {
      return contentType;
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".docx")) {
      return contentType + ".wordprocessingml.document";
    }
    if (name.endsWith(".xlsx")) {
      return contentType + ".spreadsheetml.sheet";
    }
    if (name.endsWith(".pptx")) {
      return contentType + ".presentationml.presentation";
    }
    return "application/zip";
  }

  private static boolean starts(byte[] content, int offset, String ascii) {
    return starts(content, offset, ascii.chars().toArray());
  }

  private static boolean starts(byte[] content, int offset, int... signature) {
    if (content.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((content[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] content, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= content.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (content[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isText(byte[] content) {
    for (byte b : content) {
      int c = b & 0xFF;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
