package app.courtesy.web.monitoring;

import app.courtesy.web.BeforeCommitResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Tells the caller how long the server worked on a request, in a {@code Server-Timing: app;dur=…}
 * header (milliseconds). Browsers show it in their developer tools; the benchmark reads it to tell
 * server time from network time.
 *
 * <p>A header must be set before the response is committed. Pages are written as they render, so
 * their response is buffered (up to {@value #BUFFER} bytes, more than any page here) and stamped
 * when it is first flushed or when the request is done; a larger page goes out without the header.
 * Binary bodies (the REST API's JSON) are written once the work is done, and may commit as soon as
 * their declared length is written, so they are stamped at their first byte.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ServerTimingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final int BUFFER = 256 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setBufferSize(BUFFER);
    TimedResponse timed = new TimedResponse(response, System.nanoTime());
    chain.doFilter(request, timed);
    timed.beforeCommitOnce();
  }

  /** Sets the header once, just before anything is flushed to the client. */
  private static final class TimedResponse extends BeforeCommitResponse {

    private final long started;

    TimedResponse(HttpServletResponse response, long started) {
      super(response);
      this.started = started;
    }

    @Override
    protected void beforeCommit() {
      double millis = (System.nanoTime() - started) / 1_000_000.0;
      setHeader("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f", millis));
    }
  }
}
