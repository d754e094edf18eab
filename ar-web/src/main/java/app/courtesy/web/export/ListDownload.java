package app.courtesy.web.export;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts a list page's export: marks the session's export as asked for, then sends the browser to
 * the {@link ListExportServlet} URL with the list's filter and sort. The download arrives as an
 * attachment, so the list stays on screen with its progress bar.
 */
@RequestScoped
public class ListDownload {

  @Inject private ExportProgress progress;
  @Inject private FacesContext faces;

  /**
   * @param path the list's export URL inside the application, e.g. {@code /invoices/export}
   * @param parameters the list's filter and sort and {@code format}; null values are left out
   */
  public void start(String path, Map<String, String> parameters) throws IOException {
    progress.requested();
    ExternalContext external = faces.getExternalContext();
    String query =
        parameters.entrySet().stream()
            .filter(p -> p.getValue() != null && !p.getValue().isBlank())
            .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    external.redirect(external.getRequestContextPath() + path + "?" + query);
    faces.responseComplete();
  }
}
