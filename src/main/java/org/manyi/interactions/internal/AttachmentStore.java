package org.manyi.interactions.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.manyi.platform.ManyiProperties;
import org.springframework.stereotype.Component;

/**
 * Attachment bytes as files under {@code ${manyi.data-dir}/attachments}, one file per attachment
 * named by its ID. Files rather than a database column: the same code works on H2 and PostgreSQL,
 * backups of the database stay small, and the web server streams files without holding them in the
 * database's memory. Files are written before their metadata row and deleted after it, so a crash
 * leaves at worst an orphan file, never a row without its file.
 */
@Component
class AttachmentStore {

  private final Path root;

  AttachmentStore(ManyiProperties properties) {
    this.root = properties.dataDir().resolve("attachments").toAbsolutePath().normalize();
  }

  void write(UUID id, byte[] content) {
    try {
      Files.createDirectories(root);
      Path temporary = Files.createTempFile(root, id.toString(), ".part");
      Files.write(temporary, content);
      Files.move(temporary, file(id), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store attachment " + id, e);
    }
  }

  byte[] read(UUID id) {
    try {
      return Files.readAllBytes(file(id));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read attachment " + id, e);
    }
  }

  /** Deletes the file; a file already gone is fine (deletions may run twice). */
  void delete(UUID id) {
    try {
      Files.deleteIfExists(file(id));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete attachment " + id, e);
    }
  }

  boolean exists(UUID id) {
    return Files.exists(file(id));
  }

  private Path file(UUID id) {
    // the name is a UUID, so it can never climb out of the directory
    return root.resolve(id.toString());
  }
}
