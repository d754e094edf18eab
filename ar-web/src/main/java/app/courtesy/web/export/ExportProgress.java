package app.courtesy.web.export;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * How far the session's latest list export got, for the list page's progress bar: rows written of
 * the rows expected. A page asks for an export ({@link #requested}) before the download starts, so
 * that its progress bar never reads the end of the previous export as the end of this one.
 */
@Named
@SessionScoped
public class ExportProgress implements Serializable {

  private static final long serialVersionUID = 1L;

  private volatile long written;
  private volatile long expected;
  private volatile boolean done;

  /** An export was asked for: nothing written yet. */
  public void requested() {
    written = 0;
    expected = 0;
    done = false;
  }

  /** The download started; about {@code expected} rows will be written. */
  public void started(long expected) {
    this.written = 0;
    this.expected = expected;
    this.done = false;
  }

  public void wrote(long rows) {
    written = rows;
  }

  public void finished() {
    done = true;
  }

  /** Percent done, 100 only once the file is complete. */
  public int getPercent() {
    if (done) {
      return 100;
    }
    return expected == 0 ? 0 : (int) Math.min(99, written * 100 / expected);
  }

  public long getWritten() {
    return written;
  }

  public boolean isDone() {
    return done;
  }
}
