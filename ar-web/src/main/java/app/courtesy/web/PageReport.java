package app.courtesy.web;

import app.courtesy.shared.CountLimit;
import java.util.Locale;

/** A lazy table's paginator report: the exact count up to the count limit, "more than" beyond. */
public final class PageReport {

  private static final String CAPPED =
      String.format(Locale.ENGLISH, "{startRecord}–{endRecord} of more than %,d", CountLimit.LIMIT);

  private PageReport() {}

  /** The report for a table whose count came back as {@code count}. */
  public static String of(long count) {
    return CountLimit.reached(count) ? CAPPED : "{startRecord}–{endRecord} of {totalRecords}";
  }
}
