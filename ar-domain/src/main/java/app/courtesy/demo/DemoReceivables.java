package app.courtesy.demo;

import app.courtesy.invoice.Delivery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The demo book: the public IBM accounts-receivable sample (2,466 invoices of 100 customers, issued
 * 2012–2013, all settled), moved in time so that it looks like a live ledger on any day.
 *
 * <p>Every date is shifted by the same number of days, chosen so that the newest invoice was issued
 * three days before {@code today}. An invoice counts as paid on its shifted settled date if that
 * date has passed. Disputed invoices that were settled late and fell due in the last 150 days are
 * treated as still unpaid, so the book also holds balances overdue by weeks and months. The result:
 * most invoices paid, some due soon, some overdue by days, weeks and months.
 */
public final class DemoReceivables {

  static final String RESOURCE = "/demo/receivables.csv";
  private static final DateTimeFormatter US_DATE =
      DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final int ISSUED_DAYS_BEFORE_TODAY = 3;
  private static final int DISPUTED_UNPAID_WINDOW_DAYS = 150;

  /**
   * One invoice of the sample, moved in time.
   *
   * @param paidOn the shifted settled date, or {@code null} while unpaid as of today
   */
  public record Row(
      String countryCode,
      String customerNumber,
      String invoiceNumber,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal amount,
      Delivery delivery,
      LocalDate paidOn) {

    public boolean isPaid() {
      return paidOn != null;
    }
  }

  private DemoReceivables() {}

  /** Reads the bundled sample and moves it so that it is current as of {@code today}. */
  public static List<Row> asOf(LocalDate today) {
    try (InputStream in = DemoReceivables.class.getResourceAsStream(RESOURCE)) {
      return asOf(today, Objects.requireNonNull(in, RESOURCE + " is missing"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Row> asOf(LocalDate today, InputStream csv) throws IOException {
    List<String[]> records = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
      reader.readLine(); // header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          records.add(line.split(",", -1));
        }
      }
    }
    LocalDate newestIssue =
        records.stream().map(r -> date(r[4])).max(LocalDate::compareTo).orElse(today);
    long shift = ChronoUnit.DAYS.between(newestIssue, today.minusDays(ISSUED_DAYS_BEFORE_TODAY));
    return records.stream().map(r -> row(r, shift, today)).toList();
  }

  // countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,
  // SettledDate,PaperlessBill,DaysToSettle,DaysLate
  private static Row row(String[] r, long shift, LocalDate today) {
    LocalDate due = date(r[5]).plusDays(shift);
    LocalDate settled = date(r[8]).plusDays(shift);
    boolean disputed = "Yes".equals(r[7]);
    boolean paidLate = Integer.parseInt(r[11]) > 0;
    boolean stillDisputed =
        disputed && paidLate && ChronoUnit.DAYS.between(due, today) <= DISPUTED_UNPAID_WINDOW_DAYS;
    boolean paid = !settled.isAfter(today) && !stillDisputed;
    return new Row(
        r[0],
        r[1],
        r[3],
        date(r[4]).plusDays(shift),
        due,
        new BigDecimal(r[6]),
        Delivery.parse(r[9]).orElse(null),
        paid ? settled : null);
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text, US_DATE);
  }
}
