package app.courtesy.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code AR_REQUIRE_MFA=true} an administrator who signed in without two-step sign-in is kept
 * on My account until it is on; everyone else goes where they asked.
 */
class SecondFactorSetupFilterTest {

  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  private final Map<String, Object> attributes = new HashMap<>();
  private final Map<String, String> outcome = new HashMap<>();

  @ParameterizedTest
  @ValueSource(strings = {"/work/index.xhtml", "/admin/security.xhtml", "/cases/view.xhtml"})
  void anAdministratorWithoutTwoStepSignInIsSentToMyAccount(String page) throws Exception {
    HttpServletRequest request = request(page);
    SignInSession.signedIn(request, Set.of("ADMIN"), NOW, true);

    filter(request);

    assertThat(outcome)
        .containsEntry("redirect", "/courtesy/account.xhtml")
        .doesNotContainKey("passed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/account.xhtml", "/login.xhtml", "/errors/404.xhtml"})
  void myAccountSignInAndTheErrorPagesStayOpen(String page) throws Exception {
    HttpServletRequest request = request(page);
    SignInSession.signedIn(request, Set.of("ADMIN"), NOW, true);

    filter(request);

    assertThat(outcome).containsKey("passed").doesNotContainKey("redirect");
  }

  @Test
  void onceTwoStepSignInIsOnEveryPageOpens() throws Exception {
    HttpServletRequest request = request("/work/index.xhtml");
    SignInSession.signedIn(request, Set.of("ADMIN"), NOW, true);
    SignInSession.setupDone(request.getSession(false));

    filter(request);

    assertThat(outcome).containsKey("passed").doesNotContainKey("redirect");
  }

  @Test
  void someoneNotAskedToSetItUpIsNotStopped() throws Exception {
    HttpServletRequest request = request("/work/index.xhtml");
    SignInSession.signedIn(request, Set.of("COLLECTOR"), NOW, false);

    filter(request);

    assertThat(outcome).containsKey("passed").doesNotContainKey("redirect");
  }

  private void filter(HttpServletRequest request) throws Exception {
    HttpServletResponse response =
        fake(
            HttpServletResponse.class,
            (name, args) -> {
              if (name.equals("sendRedirect")) {
                outcome.put("redirect", (String) args[0]);
              }
              return null;
            });
    FilterChain chain = (req, res) -> outcome.put("passed", "yes");
    new SecondFactorSetupFilter().doFilter(request, response, chain);
  }

  private HttpServletRequest request(String servletPath) {
    HttpSession session =
        fake(
            HttpSession.class,
            (name, args) ->
                switch (name) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  default -> null;
                });
    return fake(
        HttpServletRequest.class,
        (name, args) ->
            switch (name) {
              case "getServletPath" -> servletPath;
              case "getContextPath" -> "/courtesy";
              case "getSession" -> session;
              case "changeSessionId" -> "changed";
              default -> null;
            });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T fake(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.answer(method.getName(), args)));
  }
}
