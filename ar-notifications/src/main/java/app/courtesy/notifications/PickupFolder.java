package app.courtesy.notifications;

import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.HandOver;
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
    void writeTo(OutputStream out) throws Exception;
  }

  private final Path root;

  public PickupFolder(Path root) {
    this.root = root;
  }

  /**
   * Delivers one message as a file, whole or not at all: written aside, then handed over (see
   * {@link HandOver}) and moved into place.
   *
   * @return the receipt for the log: where the file is
   * @throws DeliveryException when the file cannot be written (tried again later)
   */
  public String deliver(
      String channel, long messageId, String extension, Content content, HandOver handOver)
      throws DeliveryException {
    Path folder;
    Path partial;
    String name = STAMP.format(Instant.now()) + "-message-" + messageId + "." + extension;
    try {
      folder = Files.createDirectories(root.resolve(channel));
      partial = folder.resolve("." + name + ".part");
      try (OutputStream out = Files.newOutputStream(partial)) {
        content.writeTo(out);
      }
    } catch (Exception e) {
      throw new DeliveryException("Cannot write to the pickup folder: " + e.getMessage(), false, e);
    }
    try {
      handOver.handingTo("the pickup folder " + folder);
    } catch (RuntimeException notOurs) {
      partial.toFile().delete();
      throw notOurs;
    }
    try {
      return "Written to " + Files.move(partial, folder.resolve(name));
    } catch (IOException e) {
      throw new DeliveryException("Cannot write to the pickup folder: " + e.getMessage(), false, e);
    }
  }

  public Path root() {
    return root;
  }
}
