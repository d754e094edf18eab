package app.courtesy.web.api;

import app.courtesy.importing.InvoiceImport;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a body over its limit with {@code 413} before it is read: JSON up to {@value #JSON_BYTES}
 * bytes (8 MiB, a batch of some 30,000 invoices), files (CSV imports, bounce emails) up to the
 * import's 50 MiB. A declared {@code Content-Length} over the limit is refused at once; a body
 * without one is counted as it is read and refused when it passes the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BodyLimit implements ContainerRequestFilter {

  /** The largest JSON body accepted. */
  public static final int JSON_BYTES = 8 * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null && request.getLength() <= 0 && !request.hasEntity()) {
      return;
    }
    long limit = isJson(type) ? JSON_BYTES : InvoiceImport.MAX_BYTES;
    if (request.getLength() > limit) {
      throw tooLarge(limit);
    }
    request.setEntityStream(new Limited(request.getEntityStream(), limit));
  }

  static boolean isJson(MediaType type) {
    return type != null
        && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  static WebApplicationException tooLarge(long limit) {
    return new WebApplicationException(
        ApiErrors.response(
            Problem.of(
                413,
                "Content Too Large",
                "The request body is larger than "
                    + limit / (1024 * 1024)
                    + " MiB, the most this API accepts"
                    + (limit == JSON_BYTES
                        ? " as JSON; send a large batch as several smaller ones."
                        : "; split the file into smaller ones."))));
  }

  /** Counts what is read and stops at the limit. */
  private static final class Limited extends FilterInputStream {

    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        throw tooLarge(limit);
      }
    }
  }
}
