package app.courtesy.web.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
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
    timed.stamp();
  }

  /** Sets the header once, just before anything is flushed to the client. */
  private static final class TimedResponse extends HttpServletResponseWrapper {

    private final long started;
    private boolean stamped;
    private PrintWriter writer;
    private ServletOutputStream stream;

    TimedResponse(HttpServletResponse response, long started) {
      super(response);
      this.started = started;
    }

    void stamp() {
      if (!stamped && !isCommitted()) {
        double millis = (System.nanoTime() - started) / 1_000_000.0;
        setHeader("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f", millis));
      }
      stamped = true;
    }

    @Override
    public void flushBuffer() throws IOException {
      stamp();
      super.flushBuffer();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer =
            new PrintWriter(super.getWriter()) {
              @Override
              public void flush() {
                stamp();
                super.flush();
              }

              @Override
              public void close() {
                stamp();
                super.close();
              }
            };
      }
      return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream target = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                stamp();
                target.write(b);
              }

              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                stamp();
                target.write(bytes, offset, length);
              }

              @Override
              public void flush() throws IOException {
                stamp();
                target.flush();
              }

              @Override
              public void close() throws IOException {
                stamp();
                target.close();
              }

              @Override
              public boolean isReady() {
                return target.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                target.setWriteListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
