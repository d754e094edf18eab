package app.courtesy.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response that takes one step just before its status and headers leave for the client: at the
 * first byte of a binary body, the first flush of a page, a redirect or an error, or when the
 * filter that made it calls {@link #beforeCommitOnce()} as the request ends. Headers can only be
 * set before that moment, and a page may commit in the middle of rendering.
 */
public abstract class BeforeCommitResponse extends HttpServletResponseWrapper {

  private boolean done;
  private PrintWriter writer;
  private ServletOutputStream stream;

  protected BeforeCommitResponse(HttpServletResponse response) {
    super(response);
  }

  /** The step: set or correct headers. Runs at most once, and only while nothing is committed. */
  protected abstract void beforeCommit();

  /** Takes the step if it has not been taken and the response is not committed yet. */
  public final void beforeCommitOnce() {
    if (!done && !isCommitted()) {
      beforeCommit();
    }
    done = true;
  }

  @Override
  public void flushBuffer() throws IOException {
    beforeCommitOnce();
    super.flushBuffer();
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    beforeCommitOnce();
    super.sendRedirect(location);
  }

  @Override
  public void sendError(int status) throws IOException {
    beforeCommitOnce();
    super.sendError(status);
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    beforeCommitOnce();
    super.sendError(status, message);
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer =
          new PrintWriter(super.getWriter()) {
            @Override
            public void flush() {
              beforeCommitOnce();
              super.flush();
            }

            @Override
            public void close() {
              beforeCommitOnce();
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
              beforeCommitOnce();
              target.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              beforeCommitOnce();
              target.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
              beforeCommitOnce();
              target.flush();
            }

            @Override
            public void close() throws IOException {
              beforeCommitOnce();
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
