package app.courtesy.web;

import app.courtesy.invoice.Aging;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.invoice.ReceivablesSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

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
  private Aging aging;
  private Map<Currency, BigDecimal> dso;

  public ReceivablesSnapshot getSnapshot() {
    if (snapshot == null) {
      snapshot = receivables.snapshot(LocalDate.now(clock));
    }
    return snapshot;
  }

  /** Open amounts per currency by how late they are, as of today. */
  public Aging getAging() {
    if (aging == null) {
      aging = receivables.aging(LocalDate.now(clock), null);
    }
    return aging;
  }

  /** Days sales outstanding of a currency, countback method. */
  public BigDecimal dso(Currency currency) {
    if (dso == null) {
      dso = receivables.daysSalesOutstanding(LocalDate.now(clock));
    }
    return dso.get(currency);
  }

  public int getDueSoonDays() {
    return ReceivablesQueries.DUE_SOON_DAYS;
  }
}
