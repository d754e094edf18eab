package app.courtesy.web.dashboard;

import app.courtesy.shared.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The cases or invoices behind one figure of the dashboard, listed by {@code
 * dashboard/behind.xhtml?figure=key&…}: each chart's table links every line here ({@link #link}).
 * Implementations are CDI beans, one per kind of figure, found by their {@link #key()}.
 *
 * <pre>{@code
 * new FigureTable.Row(cells, Drilldown.link("kept-promises", Map.of("month", "2026-10")));
 * }</pre>
 */
public interface Drilldown {

  /** At most this many items are listed, largest first. */
  int LIMIT = 500;

  /**
   * A case or an invoice behind a figure.
   *
   * @param kind {@code "case"} or {@code "invoice"}
   * @param reference the case's id or the invoice's number
   * @param date the date that put it behind the figure (when it was paid, promised, opened…)
   * @param note a few words on its part in the figure; may be empty
   */
  record Item(
      String kind, String reference, String customer, Money amount, LocalDate date, String note) {}

  /** The name in links: letters, digits and dashes. */
  String key();

  /**
   * Whether only approvers and administrators may see the items: the team's and the book's figures.
   * A collector's own figures return {@code false}, and then {@link #items} is given their
   * username.
   */
  default boolean teamOnly() {
    return true;
  }

  /** The heading of the list, such as "Promises kept in October 2026". */
  String title(Map<String, String> params);

  /**
   * The items behind the figure, at most {@value #LIMIT}.
   *
   * @param params the link's parameters (strings as put in {@link #link}); may be anything a reader
   *     typed, so parse with care and refuse what does not parse
   * @param collector the username whose cases alone may be listed, or {@code null} for everyone's
   * @throws IllegalArgumentException when a parameter is missing or does not parse (a {@link
   *     java.time.DateTimeException} too)
   */
  List<Item> items(Map<String, String> params, String collector);

  /** The page listing the items behind {@code key} with {@code params}, from the context root. */
  static String link(String key, Map<String, String> params) {
    return "/dashboard/behind.xhtml?figure="
        + encode(key)
        + new TreeMap<>(params)
            .entrySet().stream()
                .map(e -> "&" + encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
