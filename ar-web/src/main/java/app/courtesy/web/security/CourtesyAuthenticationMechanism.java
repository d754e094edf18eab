package app.courtesy.web.security;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;
import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * How callers prove who they are. People sign in on {@code /login.xhtml} and stay signed in for
 * their HTTP session; machines call {@code /api/*} with HTTP Basic on every request and get no
 * session. An unauthenticated request for a page is sent to the login page (and back afterwards);
 * one for the API gets a JSON 401 with a Basic challenge.
 */
@ApplicationScoped
public class CourtesyAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";
  private static final String API_PATH = "/api/";
  private static final String BASIC = "Basic ";
  private static final String CALLER_GROUPS = "app.courtesy.callerGroups";

  @Inject private IdentityStoreHandler identityStores;
  @Inject private VerifiedCredentials apiCredentials;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (request.getServletPath().startsWith(API_PATH)
        || request.getRequestURI().startsWith(request.getContextPath() + API_PATH)) {
      return validateApiCall(request, response, context);
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() == VALID) {
        context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
        request
            .getSession()
            .setAttribute(CALLER_GROUPS, result.getCallerGroups().toArray(String[]::new));
      }
      return context.notifyContainerAboutLogin(result);
    }
    Principal sessionCaller = request.getUserPrincipal();
    if (sessionCaller != null) {
      HttpSession session = request.getSession(false);
      return continueSession(
          context,
          sessionCaller,
          session == null ? null : (String[]) session.getAttribute(CALLER_GROUPS));
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    return context.redirect(
        request.getContextPath() + LOGIN_PAGE + "?next=" + originalPath(request));
  }

  private AuthenticationStatus validateApiCall(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      CredentialValidationResult result = apiCredentials.validate(basicCredential(header));
      if (result.getStatus() == VALID) {
        return context.notifyContainerAboutLogin(result);
      }
      return challenge(response, "The username or password is not correct.");
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    return challenge(response, "Sign in with HTTP Basic authentication.");
  }

  private static UsernamePasswordCredential basicCredential(String header) {
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      decoded = "";
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? new UsernamePasswordCredential("", "")
        : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static AuthenticationStatus challenge(HttpServletResponse response, String message)
      throws AuthenticationException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"Courtesy API\", charset=\"UTF-8\"");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try {
      response
          .getWriter()
          .write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"" + message + "\"}");
    } catch (IOException e) {
      throw new AuthenticationException(e);
    }
    return SEND_FAILURE;
  }

  /**
   * The caller signed in earlier in this session: the container restored the principal. Their
   * groups are handed over again from the session rather than left to the container, which under
   * load sometimes restores the principal without them (Payara issue 6145) and answers 403.
   */
  private static AuthenticationStatus continueSession(
      HttpMessageContext context, Principal caller, String[] groups)
      throws AuthenticationException {
    Subject subject = context.getClientSubject();
    Callback[] callbacks =
        groups == null
            ? new Callback[] {new CallerPrincipalCallback(subject, caller)}
            : new Callback[] {
              new CallerPrincipalCallback(subject, caller),
              new GroupPrincipalCallback(subject, groups)
            };
    try {
      context.getHandler().handle(callbacks);
    } catch (IOException | UnsupportedCallbackException e) {
      throw new AuthenticationException(e);
    }
    return SUCCESS;
  }

  private static String originalPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      path += "?" + request.getQueryString();
    }
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }
}
