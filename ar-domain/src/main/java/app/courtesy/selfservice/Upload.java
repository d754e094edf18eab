package app.courtesy.selfservice;

import app.courtesy.shared.FileNames;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file the customer sent with a report or a dispute: a PDF, PNG or JPEG of at most {@value
 * #MAX_BYTES} bytes, its type told by its first bytes, never by its name.
 */
public record Upload(String fileName, byte[] content) {

  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  /** The media type the content is, if it is one of the three accepted. */
  public Optional<String> mediaType() {
    if (startsWith(PDF)) {
      return Optional.of("application/pdf");
    }
    if (startsWith(PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(JPEG)) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  /** The name to keep: the last part of what the browser sent, at most 200 plain characters. */
  public String safeName() {
    return FileNames.safe(fileName, "upload");
  }

  private boolean startsWith(byte[] magic) {
    return content.length >= magic.length
        && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Upload that
        && java.util.Objects.equals(fileName, that.fileName)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hashCode(fileName) + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "Upload[" + safeName() + ", " + content.length + " bytes]";
  }
}
