package app.courtesy.web.api;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A file someone outside sent us (an upload, an email's attachment), served only as a download:
 * {@code Content-Disposition: attachment} with its name, and a type the browser cannot take for a
 * page (PDF, PNG and JPEG as they are, anything else as {@code application/octet-stream}); every
 * response also says {@code nosniff} (see {@code ResponseHeadersFilter}).
 */
final class Downloads {

  private static final Set<String> AS_THEY_ARE =
      Set.of("application/pdf", "image/png", "image/jpeg");

  private Downloads() {}

  static Response attachment(byte[] content, String mediaType, String fileName) {
    String type = AS_THEY_ARE.contains(mediaType) ? mediaType : "application/octet-stream";
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(content, type)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
        .build();
  }
}
