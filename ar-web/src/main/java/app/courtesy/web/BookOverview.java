package app.courtesy.web;

import app.courtesy.invoice.Aging;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.invoice.ReceivablesSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

/**
 * The state of the book as of today, for the overview on the home pages ({@code
 * WEB-INF/includes/book-overview.xhtml}). Reading it sums every open invoice, seconds of work on a
 * book of a million, so everyone signing in shares one reading, taken again once it is a minute old
 * or the day has changed.
 */
@Named
@ApplicationScoped
public class BookOverview {

  private static final Duration KEPT = Duration.ofMinutes(1);

  private record Reading(
      ReceivablesSnapshot snapshot,
      Aging aging,
      Map<Currency, BigDecimal> dso,
      LocalDate asOf,
      Instant readAt) {}

  @Inject private ReceivablesQueries receivables;
  @Inject private Clock clock;

  private Reading reading;

  public ReceivablesSnapshot getSnapshot() {
    return current().snapshot();
  }

  /** Open amounts per currency by how late they are, as of today. */
  public Aging getAging() {
    return current().aging();
  }

  /** Days sales outstanding of a currency, countback method. */
  public BigDecimal dso(Currency currency) {
    return current().dso().get(currency);
  }

  public int getDueSoonDays() {
    return ReceivablesQueries.DUE_SOON_DAYS;
  }

  /** The latest reading, taken again first if it is stale; one caller takes it, the rest wait. */
  private synchronized Reading current() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    if (reading == null
        || !reading.asOf().equals(today)
        || reading.readAt().plus(KEPT).isBefore(now)) {
      reading =
          new Reading(
              receivables.snapshot(today),
              receivables.aging(today, null),
              receivables.daysSalesOutstanding(today),
              today,
              now);
    }
    return reading;
  }
}
