package app.courtesy.web;

import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.invoice.ReceivablesSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The state of the book as of today, for the overview on the home pages ({@code
 * WEB-INF/includes/book-overview.xhtml}). Read once per request.
 */
@Named
@RequestScoped
public class BookOverview {

  @Inject private ReceivablesQueries receivables;
  @Inject private Clock clock;

  private ReceivablesSnapshot snapshot;

  public ReceivablesSnapshot getSnapshot() {
    if (snapshot == null) {
      snapshot = receivables.snapshot(LocalDate.now(clock));
    }
    return snapshot;
  }

  public int getDueSoonDays() {
    return ReceivablesQueries.DUE_SOON_DAYS;
  }
}
