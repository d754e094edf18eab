package app.courtesy.web;

import app.courtesy.shared.CountLimit;
import java.util.Locale;

/** A lazy table's paginator report: the exact count up to the count limit, "more than" beyond. */
public final class PageReport {

  private PageReport() {}

  /** The report for a table whose count came back as {@code count}. */
  public static String of(long count) {
    return of(count, CountLimit.LIMIT);
  }

  /**
   * The report for a table whose count, counted up to {@code limit}, came back as {@code count}.
   */
  public static String of(long count, long limit) {
    return count > limit
        ? String.format(Locale.ENGLISH, "{startRecord}–{endRecord} of more than %,d", limit)
        : "{startRecord}–{endRecord} of {totalRecords}";
  }
}
