package org.manyi.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Uploaded import files, kept in the data directory between the checks, the import and a later
 * resume. Files older than {@link #KEEP} are removed at start-up.
 */
@Component
public class ImportFiles {

  static final Duration KEEP = Duration.ofDays(7);
  private static final Logger log = LoggerFactory.getLogger(ImportFiles.class);

  private final Path directory;

  ImportFiles(ManyiProperties properties) {
    this.directory = properties.dataDir().resolve("imports");
  }

  /**
   * Stores an upload and returns its ID.
   *
   * @throws ProblemException 400 naming {@code file} when it is empty
   */
  public UUID store(InputStream content) {
    UUID id = UUID.randomUUID();
    try {
      Files.createDirectories(directory);
      Path target = path(id);
      long size = Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
      if (size == 0) {
        Files.deleteIfExists(target);
        throw ProblemException.invalid("file", "import.file.empty");
      }
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a stored upload lives; absent when it was never stored or has been removed. */
  public Path path(UUID id) {
    return directory.resolve(id + ".upload");
  }

  public boolean exists(UUID id) {
    return Files.exists(path(id));
  }

  @EventListener(ApplicationReadyEvent.class)
  void removeOld() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    Instant cutoff = Instant.now().minus(KEEP);
    try (Stream<Path> files = Files.list(directory)) {
      files
          .filter(f -> lastModified(f).isBefore(cutoff))
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  log.warn("Could not remove old import file {}: {}", f, e.getMessage());
                }
              });
    } catch (IOException e) {
      log.warn("Could not list import files in {}: {}", directory, e.getMessage());
    }
  }

  private static Instant lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.now();
    }
  }
}
