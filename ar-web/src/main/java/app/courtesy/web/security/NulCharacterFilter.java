package app.courtesy.web.security;

import app.courtesy.shared.validation.Plausible;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a request whose path or parameters (query, or a form's fields) hold the NUL character
 * with {@code 400} naming the parameter, before anything looks it up: no text column can hold NUL
 * (PostgreSQL refuses it), so it would otherwise end as a server error. JSON bodies and CSV files
 * are checked where they are read; uploads (multipart) are left to their own checks.
 */
@WebFilter(urlPatterns = "/*")
public class NulCharacterFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> refused = refused(request);
    if (refused.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      try (JsonGenerator json = Json.createGenerator(response.getWriter())) {
        json.writeStartObject()
            .write("status", 400)
            .write("title", "Bad Request")
            .write("detail", "The request has invalid fields.")
            .writeStartArray("errors")
            .writeStartObject()
            .write("field", refused.get())
            .write("message", Plausible.nul("\u0000").orElseThrow())
            .writeEnd()
            .writeEnd()
            .writeEnd();
      }
      return;
    }
    chain.doFilter(request, response);
  }

  /** The path or the first parameter that holds NUL, by name. */
  private static Optional<String> refused(HttpServletRequest request)
      throws java.io.UnsupportedEncodingException {
    String path = request.getRequestURI();
    if (path.indexOf('\u0000') >= 0 || path.toLowerCase(Locale.ROOT).contains("%00")) {
      return Optional.of("path");
    }
    String type = request.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return Optional.empty();
    }
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding("UTF-8"); // as every page is served, before parameters are read
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (Plausible.nul(parameter.getKey()).isPresent()
          || Arrays.stream(parameter.getValue()).anyMatch(v -> Plausible.nul(v).isPresent())) {
        return Optional.of(parameter.getKey().replace('\u0000', '?'));
      }
    }
    return Optional.empty();
  }
}
