package app.courtesy.web;

import java.io.ByteArrayInputStream;
import java.util.Set;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Files for a PrimeFaces download (sent as an attachment): ours (a dossier) in their own type; one
 * someone outside sent us (an upload, an email's attachment, the email itself) in a type the
 * browser cannot take for a page — PDF, PNG and JPEG as they are, anything else as {@code
 * application/octet-stream}. Every response also says {@code nosniff}.
 */
public final class FileDownloads {

  private static final Set<String> AS_THEY_ARE =
      Set.of("application/pdf", "image/png", "image/jpeg");

  private FileDownloads() {}

  /** The type to serve a file of {@code mediaType} as. */
  public static String safeType(String mediaType) {
    return AS_THEY_ARE.contains(mediaType) ? mediaType : "application/octet-stream";
  }

  /** A file someone outside sent us. */
  public static StreamedContent fromOutside(byte[] content, String name, String mediaType) {
    return of(content, name, safeType(mediaType));
  }

  /** A file Courtesy wrote, in its own type. */
  public static StreamedContent of(byte[] content, String name, String mediaType) {
    return DefaultStreamedContent.builder()
        .name(name)
        .contentType(mediaType)
        .contentLength((long) content.length)
        .stream(() -> new ByteArrayInputStream(content))
        .build();
  }
}
