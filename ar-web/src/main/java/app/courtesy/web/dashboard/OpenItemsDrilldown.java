package app.courtesy.web.dashboard;

import app.courtesy.analytics.Trends;
import app.courtesy.analytics.Trends.OpenAt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The invoices behind a trend's balance: what was open in a currency at the end of a day, all of it
 * or one part of its aging ({@code part}: {@code open}, {@code overdue}, {@code 1-30}, {@code
 * 31-60}, {@code 61-90}, {@code over-90} days late), the largest first.
 */
@ApplicationScoped
public class OpenItemsDrilldown implements Drilldown {

  static final String KEY = "open-at";
  private static final LocalDate EVER = LocalDate.of(1900, 1, 1);
  private static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

  @Inject private Trends trends;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String title(Map<String, String> params) {
    String part = params.get("part");
    String what =
        switch (part) {
          case "open" -> "Open";
          case "overdue" -> "Overdue";
          case "over-90" -> "Over 90 days late";
          default -> part + " days late";
        };
    return what + " in " + currency(params).getCurrencyCode() + " at the end of " + asOf(params);
  }

  @Override
  public List<Item> items(Map<String, String> params, String collector) {
    LocalDate asOf = asOf(params);
    LocalDate[] due = due(params.getOrDefault("part", ""), asOf);
    List<OpenAt> open = trends.largestOpen(currency(params), asOf, due[0], due[1], LIMIT);
    return open.stream()
        .map(
            o ->
                new Item(
                    "invoice",
                    o.invoiceNumber(),
                    o.customerName(),
                    o.open(),
                    o.dueDate(),
                    o.instalment() == 0
                        ? "due " + o.dueDate()
                        : "instalment " + o.instalment() + ", due " + o.dueDate()))
        .toList();
  }

  /** The due dates of the part: from (included) and before (excluded). */
  private static LocalDate[] due(String part, LocalDate asOf) {
    return switch (part) {
      case "open" -> new LocalDate[] {EVER, NEVER};
      case "overdue" -> new LocalDate[] {EVER, asOf};
      case "1-30" -> new LocalDate[] {asOf.minusDays(30), asOf};
      case "31-60" -> new LocalDate[] {asOf.minusDays(60), asOf.minusDays(30)};
      case "61-90" -> new LocalDate[] {asOf.minusDays(90), asOf.minusDays(60)};
      case "over-90" -> new LocalDate[] {EVER, asOf.minusDays(90)};
      default -> throw new IllegalArgumentException("no such part of the balance: " + part);
    };
  }

  private static Currency currency(Map<String, String> params) {
    return Currency.getInstance(required(params, "currency"));
  }

  private static LocalDate asOf(Map<String, String> params) {
    return LocalDate.parse(required(params, "asOf"));
  }

  static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }
}
