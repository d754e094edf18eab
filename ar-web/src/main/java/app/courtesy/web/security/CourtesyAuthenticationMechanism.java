package app.courtesy.web.security;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;
import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

import app.courtesy.security.SecondFactor;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.SignInThrottle;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * How callers prove who they are. People sign in on {@code /login.xhtml} with their password and,
 * where they set it up, a one-time code, and stay signed in for their HTTP session; machines call
 * {@code /api/*} with HTTP Basic on every request and get no session. Every try asks the {@link
 * SignInThrottle} first and tells it how it went. An unauthenticated request for a page is sent to
 * the login page (and back afterwards); one for the API gets a JSON 401 with a Basic challenge, and
 * a throttled one a 429 that says when to try again.
 */
@ApplicationScoped
public class CourtesyAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";

  /** Request attribute: why a sign-in was refused without checking the password. */
  public static final String REFUSED = "app.courtesy.signInRefused";

  private static final String API_PATH = "/api/";

  @Inject private IdentityStoreHandler identityStores;
  @Inject private VerifiedCredentials apiCredentials;
  @Inject private SignInThrottle throttle;
  @Inject private SecondFactor secondFactor;
  @Inject private SecurityEvents events;
  @Inject private UserAccountRepository accounts;
  @Inject private Clock clock;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (request.getServletPath().startsWith(API_PATH)
        || request.getRequestURI().startsWith(request.getContextPath() + API_PATH)) {
      return validateApiCall(request, response, context);
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (credential instanceof UsernamePasswordCredential password) {
      return password(password, request, context);
    }
    if (credential instanceof OneTimeCodeCredential code) {
      return secondStep(code, request, context);
    }
    Principal sessionCaller = request.getUserPrincipal();
    if (sessionCaller != null) {
      return continueSession(
          context, sessionCaller, SignInSession.groups(request.getSession(false)));
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    return context.redirect(
        request.getContextPath() + LOGIN_PAGE + "?next=" + originalPath(request));
  }

  /** The first step: the password. Where the account has a second factor, the code comes next. */
  private AuthenticationStatus password(
      UsernamePasswordCredential password, HttpServletRequest request, HttpMessageContext context)
      throws AuthenticationException {
    String address = request.getRemoteAddr();
    if (refused(password.getCaller(), address, request)) {
      return SEND_FAILURE;
    }
    CredentialValidationResult result = identityStores.validate(password);
    if (result.getStatus() != VALID) {
      throttle.failed(password.getCaller(), address, "wrong username or password");
      return SEND_FAILURE;
    }
    String username = result.getCallerPrincipal().getName();
    if (accounts.findByUsername(username).map(UserAccount::hasSecondFactor).orElse(false)) {
      SignInSession.awaitCode(
          request,
          new SignInSession.Pending(
              username, Set.copyOf(result.getCallerGroups()), clock.instant()));
      return SEND_FAILURE;
    }
    return signedIn(username, result.getCallerGroups(), "password", request, context);
  }

  /** The second step: the one-time code for the password given in the last five minutes. */
  private AuthenticationStatus secondStep(
      OneTimeCodeCredential code, HttpServletRequest request, HttpMessageContext context)
      throws AuthenticationException {
    Optional<SignInSession.Pending> pending = SignInSession.pending(request, clock.instant());
    if (pending.isEmpty()) {
      return SEND_FAILURE;
    }
    String username = pending.get().username();
    String address = request.getRemoteAddr();
    if (refused(username, address, request)) {
      return SEND_FAILURE;
    }
    if (!secondFactor.verify(username, code.code(), address)) {
      throttle.failed(username, address, "wrong one-time code");
      return SEND_FAILURE;
    }
    return signedIn(
        username, pending.get().groups(), "password and one-time code", request, context);
  }

  private boolean refused(String username, String address, HttpServletRequest request) {
    SignInThrottle.Verdict verdict = throttle.check(username, address);
    if (!verdict.allowed()) {
      request.setAttribute(REFUSED, verdict.reason());
    }
    return !verdict.allowed();
  }

  private AuthenticationStatus signedIn(
      String username,
      Set<String> groups,
      String how,
      HttpServletRequest request,
      HttpMessageContext context) {
    throttle.succeeded(username);
    UserAccount account = accounts.findByUsername(username).orElseThrow();
    boolean setupRequired = secondFactor.required(account) && !account.hasSecondFactor();
    events.record(
        SecurityEventKind.SIGN_IN,
        username,
        request.getRemoteAddr(),
        how + (setupRequired ? "; must set up two-step sign-in" : ""));
    SignInSession.signedIn(request, groups, clock.instant(), setupRequired);
    context.setRegisterSession(username, groups);
    return context.notifyContainerAboutLogin(new CallerPrincipal(username), groups);
  }

  private AuthenticationStatus validateApiCall(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    String header = request.getHeader("Authorization");
    if (VerifiedCredentials.isBasic(header)) {
      UsernamePasswordCredential credential = VerifiedCredentials.basic(header);
      String address = request.getRemoteAddr();
      SignInThrottle.Verdict verdict = throttle.check(credential.getCaller(), address);
      if (!verdict.allowed()) {
        response.setHeader("Retry-After", String.valueOf(verdict.secondsFrom(clock.instant())));
        return problem(response, 429, "Too Many Requests", verdict.reason());
      }
      VerifiedCredentials.Checked checked = apiCredentials.validate(credential, address);
      return switch (checked.access()) {
        case GRANTED -> context.notifyContainerAboutLogin(checked.result());
        case WRONG -> challenge(response, "The username or password is not correct.");
        case TWO_STEP ->
            challenge(
                response,
                "This account signs in in two steps, which HTTP Basic cannot: use the pages, or"
                    + " an integration account for the API.");
        case SETUP_REQUIRED ->
            problem(
                response,
                403,
                "Forbidden",
                "Administrators must set up two-step sign-in first: sign in on the pages and"
                    + " follow My account.");
      };
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    return challenge(response, "Sign in with HTTP Basic authentication.");
  }

  private static AuthenticationStatus challenge(HttpServletResponse response, String message)
      throws AuthenticationException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"Courtesy API\", charset=\"UTF-8\"");
    return problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", message);
  }

  private static AuthenticationStatus problem(
      HttpServletResponse response, int status, String title, String message)
      throws AuthenticationException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    try (JsonGenerator json = Json.createGenerator(response.getWriter())) {
      json.writeStartObject()
          .write("status", status)
          .write("title", title)
          .write("detail", message)
          .writeEnd();
    } catch (IOException | JsonException e) {
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
