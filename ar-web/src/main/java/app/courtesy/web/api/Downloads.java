package app.courtesy.web.api;

import app.courtesy.web.FileDownloads;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file someone outside sent us (an upload, an email's attachment), served by the API only as a
 * download: {@code Content-Disposition: attachment} with its name, in the type {@link
 * FileDownloads#safeType} gives; every response also says {@code nosniff} (see {@code
 * ResponseHeadersFilter}).
 */
final class Downloads {

  private Downloads() {}

  static Response attachment(byte[] content, String mediaType, String fileName) {
    String type = FileDownloads.safeType(mediaType);
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(content, type)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
        .build();
  }
}
