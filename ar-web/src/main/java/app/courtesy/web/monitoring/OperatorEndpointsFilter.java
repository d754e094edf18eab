package app.courtesy.web.monitoring;

import app.courtesy.web.security.VerifiedCredentials;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who may read what Payara serves beside the application on the same listener:
 *
 * <ul>
 *   <li>{@code /metrics} (MicroProfile Metrics) only from the machine itself: a caller on a
 *       loopback address whose request came through no proxy (no {@code Forwarded}, {@code
 *       X-Forwarded-For} or {@code X-Real-IP} header, which every proxy adds). Everyone else gets
 *       {@code 403}; a scraper runs on the node, beside the server.
 *   <li>{@code /openapi} (the API's description) for signed-in callers only: a session from the
 *       login page, or any account's HTTP Basic credentials; others get a {@code 401} with a Basic
 *       challenge. {@code AR_OPENAPI_PUBLIC=true} shows it to everyone.
 * </ul>
 *
 * <p>The health checks ({@code /health/…}) stay open to load balancers: they say up or down and
 * name no more than the checks.
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*", "/openapi", "/openapi/*"})
public class OperatorEndpointsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final List<String> PROXY_HEADERS =
      List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

  @Inject private VerifiedCredentials credentials;

  private boolean openApiPublic;

  @Override
  public void init() {
    openApiPublic =
        ConfigProvider.getConfig()
            .getOptionalValue("ar.openapi.public", Boolean.class)
            .orElse(false);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/metrics")) {
      if (!fromThisMachine(request)) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "Metrics are read on the server only.");
        return;
      }
    } else if (!openApiPublic && !signedIn(request)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Courtesy API\", charset=\"UTF-8\"");
      refuse(
          response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in to read the API's description.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A caller on loopback, not relayed by a proxy on the same machine. */
  static boolean fromThisMachine(HttpServletRequest request) {
    if (PROXY_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
      return false;
    }
    try {
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }

  private boolean signedIn(HttpServletRequest request) {
    if (request.getUserPrincipal() != null) {
      return true;
    }
    String header = request.getHeader("Authorization");
    return VerifiedCredentials.isBasic(header)
        && credentials.grants(header, request.getRemoteAddr());
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"status\":" + status + ",\"detail\":\"" + message + "\"}");
  }
}
