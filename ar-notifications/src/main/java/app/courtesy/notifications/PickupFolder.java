package app.courtesy.notifications;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where messages go when no server is configured for their channel, and where letters are put for
 * printing: one file per message, in a folder per channel, named so they sort by time.
 */
public final class PickupFolder {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Writes a file's bytes. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path root;

  public PickupFolder(Path root) {
    this.root = root;
  }

  /**
   * Writes one message's file, whole or not at all (written aside, then moved into place).
   *
   * @return the file written
   */
  public Path write(String channel, long messageId, String extension, Content content)
      throws IOException {
    Path folder = Files.createDirectories(root.resolve(channel));
    String name = STAMP.format(Instant.now()) + "-message-" + messageId + "." + extension;
    Path partial = folder.resolve("." + name + ".part");
    try (OutputStream out = Files.newOutputStream(partial)) {
      content.writeTo(out);
    }
    return Files.move(partial, folder.resolve(name));
  }

  public Path root() {
    return root;
  }
}
