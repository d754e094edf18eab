package app.courtesy.web.security;

import app.courtesy.web.BeforeCommitResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * What every answer tells the browser, whatever produced it:
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin};
 *   <li>{@code Cache-Control: no-store} on everything but the static resources of the pages ({@code
 *       /jakarta.faces.resource/…}): pages, API answers and exports hold the ledger and stay out of
 *       shared and browser caches;
 *   <li>the session cookie with {@code SameSite=Lax}, which Payara leaves out although web.xml asks
 *       for it, and {@code Secure} when the browser reached us over HTTPS: directly, or through a
 *       proxy that says so ({@code X-Forwarded-Proto: https} or {@code Forwarded: proto=https}).
 * </ul>
 *
 * <p>The forwarded scheme is believed from any caller: it can only add {@code Secure}, which makes
 * the cookie stricter, never looser. The content security policy comes from PrimeFaces (web.xml,
 * {@code primefaces.CSP}), which gives each page its nonce.
 *
 * <p>The container adds the session cookie when the session starts, which may be late in the
 * request, so the cookie is corrected just before the response is committed: when it is first
 * flushed, redirected, sent as an error, or when the request is done.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResponseHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String SESSION_COOKIE = "JSESSIONID=";
  private static final String RESOURCES = "/jakarta.faces.resource/";
  private static final String CACHE_CONTROL = "Cache-Control";
  private static final String NO_STORE = "no-store";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    boolean noStore = !request.getRequestURI().startsWith(request.getContextPath() + RESOURCES);
    if (noStore) {
      response.setHeader(CACHE_CONTROL, NO_STORE);
    }
    SessionCookieResponse wrapped = new SessionCookieResponse(response, secure(request), noStore);
    chain.doFilter(request, wrapped);
    wrapped.beforeCommitOnce();
  }

  /** Whether the browser's own connection was HTTPS, to us or to a proxy in front of us. */
  static boolean secure(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    String forwardedProto = request.getHeader("X-Forwarded-Proto");
    if (forwardedProto != null) {
      return forwardedProto.split(",")[0].trim().equalsIgnoreCase("https");
    }
    String forwarded = request.getHeader("Forwarded");
    if (forwarded != null) {
      for (String pair : forwarded.split(",")[0].split(";")) {
        String[] nameValue = pair.trim().split("=", 2);
        if (nameValue.length == 2 && nameValue[0].equalsIgnoreCase("proto")) {
          return nameValue[1].replace("\"", "").equalsIgnoreCase("https");
        }
      }
    }
    return false;
  }

  /** The session cookie as it should be: {@code SameSite=Lax}, and {@code Secure} if asked. */
  static String sessionCookie(String setCookie, boolean secure) {
    if (!setCookie.startsWith(SESSION_COOKIE)) {
      return setCookie;
    }
    String lower = setCookie.toLowerCase(Locale.ROOT);
    StringBuilder cookie = new StringBuilder(setCookie);
    if (secure && !lower.matches(".*;\\s*secure(;.*|\\s*)$")) {
      cookie.append("; Secure");
    }
    if (!lower.contains("samesite=")) {
      cookie.append("; SameSite=Lax");
    }
    return cookie.toString();
  }

  /** Corrects the session cookie once, just before anything reaches the client. */
  private static final class SessionCookieResponse extends BeforeCommitResponse {

    private final boolean secure;
    private final boolean noStore;

    SessionCookieResponse(HttpServletResponse response, boolean secure, boolean noStore) {
      super(response);
      this.secure = secure;
      this.noStore = noStore;
    }

    /**
     * A cache header set later (PrimeFaces' {@code p:fileDownload} sets one) still says no-store.
     */
    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, cacheControl(name, value));
    }

    @Override
    public void addHeader(String name, String value) {
      if (noStore && CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, cacheControl(name, value));
      } else {
        super.addHeader(name, value);
      }
    }

    private String cacheControl(String name, String value) {
      return noStore
              && CACHE_CONTROL.equalsIgnoreCase(name)
              && (value == null || !value.contains(NO_STORE))
          ? NO_STORE
          : value;
    }

    @Override
    protected void beforeCommit() {
      List<String> cookies = List.copyOf(getHeaders("Set-Cookie"));
      if (cookies.stream().noneMatch(cookie -> cookie.startsWith(SESSION_COOKIE))) {
        return;
      }
      boolean first = true;
      for (String cookie : cookies) {
        String corrected = sessionCookie(cookie, secure);
        if (first) {
          setHeader("Set-Cookie", corrected);
          first = false;
        } else {
          addHeader("Set-Cookie", corrected);
        }
      }
    }
  }
}
