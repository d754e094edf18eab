package app.courtesy.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps a person who must set up two-step sign-in ({@code AR_REQUIRE_MFA=true}, administrators) on
 * their account page until it is on: every other page sends them there. Style sheets, scripts and
 * the error pages stay reachable; the API refuses such accounts by itself.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class SecondFactorSetupFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String ACCOUNT_PAGE = "/account.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    boolean open =
        path.equals(ACCOUNT_PAGE)
            || path.equals(CourtesyAuthenticationMechanism.LOGIN_PAGE)
            || path.startsWith("/errors/");
    if (!open && SignInSession.setupRequired(request.getSession(false))) {
      response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
