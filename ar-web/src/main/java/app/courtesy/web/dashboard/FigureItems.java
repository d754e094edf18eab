package app.courtesy.web.dashboard;

import app.courtesy.analytics.FigureItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the drill-downs of the people's figures share: the period of a link, and their items. */
final class FigureItems {

  private FigureItems() {}

  /** The items as the page behind a figure lists them. */
  static List<Drilldown.Item> items(List<FigureItem> items) {
    return items.stream()
        .map(
            i ->
                new Drilldown.Item(
                    i.kind(), i.reference(), i.customer(), i.amount(), i.date(), i.note()))
        .toList();
  }

  /**
   * The link's {@code from} and {@code to} dates.
   *
   * @throws IllegalArgumentException when one is missing or they are reversed
   * @throws java.time.DateTimeException when one does not parse
   */
  static LocalDate[] period(Map<String, String> params) {
    LocalDate from = LocalDate.parse(OpenItemsDrilldown.required(params, "from"));
    LocalDate to = LocalDate.parse(OpenItemsDrilldown.required(params, "to"));
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period ends before it starts");
    }
    return new LocalDate[] {from, to};
  }

  /** The link's parameters for the period from {@code from} to {@code to}, and the collector's. */
  static Map<String, String> period(LocalDate from, LocalDate to, String collector) {
    return collector == null
        ? Map.of("from", from.toString(), "to", to.toString())
        : Map.of("from", from.toString(), "to", to.toString(), "collector", collector);
  }
}
