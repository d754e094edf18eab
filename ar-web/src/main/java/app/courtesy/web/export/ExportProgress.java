package app.courtesy.web.export;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

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
  private volatile boolean asked;
  private volatile boolean done;

  /** An export was asked for: nothing written yet. */
  public void requested() {
    written = 0;
    expected = 0;
    done = false;
    asked = true;
  }

  /**
   * The download started; about {@code expected} rows will be written: what the export itself
   * counted (up to the rows it may write), never a list's capped count, so that the bar moves on to
   * the end of an export of any size.
   */
  public void started(long expected) {
    this.written = 0;
    this.expected = expected;
    this.done = false;
    this.asked = true;
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

  /** Whether the session asked for an export: until then the page shows no bar. */
  public boolean isAsked() {
    return asked;
  }

  public long getWritten() {
    return written;
  }

  public boolean isDone() {
    return done;
  }

  /** What the page says beside the bar: how many rows so far, then how many the file holds. */
  public String getStatus() {
    if (!asked) {
      return String.format(
          Locale.ENGLISH, "Every page, up to %,d rows.", ListExportServlet.MAX_ROWS);
    }
    return done ? "Exported " + written + " rows." : written + " rows written…";
  }
}
