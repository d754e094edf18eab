package app.courtesy.web.imports;

import app.courtesy.importing.InvoiceImport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An upload to a page larger than the Faces servlet's multipart limit (web.xml: 50 MiB a file, 51
 * MiB a request) is answered {@code 413} with its own message before anything reads it: the servlet
 * container would refuse it while the page asks whether it is a form post, and that refusal would
 * reach the person as the error page. The import page's upload checks the size in the browser
 * first; this is for the upload that gets past it.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class UploadLimit extends HttpFilter {

  /** web.xml's {@code max-request-size}: the file's 50 MiB and room for the form around it. */
  static final long MAX_REQUEST_BYTES = InvoiceImport.MAX_BYTES + 1024 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType();
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        && request.getContentLengthLong() > MAX_REQUEST_BYTES) {
      response.setStatus(413);
      response.setContentType("text/plain");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setHeader("Connection", "close");
      response
          .getWriter()
          .write(
              "The file is larger than "
                  + InvoiceImport.MAX_BYTES / (1024 * 1024)
                  + " MiB, the most an import takes. Split it into smaller files and upload"
                  + " each.");
      return;
    }
    chain.doFilter(request, response);
  }
}
