package app.courtesy.web.portal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What every answer of the customer's page tells the browser: the address (with its token) is never
 * sent on as a referrer, search engines do not index it, nothing is cached, no script runs, no
 * other site frames it, and forms post only back here.
 */
final class PortalHeaders {

  static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private PortalHeaders() {}

  static void apply(HttpServletResponse response) {
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Frame-Options", "DENY");
  }
}
