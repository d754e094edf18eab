package app.courtesy.web.dashboard;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The figures behind one chart of the dashboard, as a table: what the page shows under the chart,
 * what its CSV and XLSX exports contain and what the PDF of the page prints. Cells are formatted
 * for the reader (amounts with their currency, an undefined figure as {@value #UNDEFINED}).
 *
 * <pre>{@code
 * <c:figureTable id="balance" table="#{trendsBacking.balanceTable}"/>
 * }</pre>
 *
 * @param rows in the order shown
 */
public record FigureTable(String title, List<String> headings, List<Row> rows) {

  /** How a figure that cannot be computed (its formula divides by nothing) is written. */
  public static final String UNDEFINED = "—";

  /**
   * One line of figures.
   *
   * @param drilldown the page listing the cases or invoices behind the line ({@link
   *     Drilldown#link}), or {@code null} when nothing is behind it
   */
  public record Row(List<String> cells, String drilldown) {

    public Row {
      cells = List.copyOf(cells);
    }
  }

  public FigureTable {
    headings = List.copyOf(headings);
    rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.cells().size() != headings.size()) {
        throw new IllegalArgumentException(
            title + ": a row of " + row.cells().size() + " cells under " + headings.size());
      }
    }
  }

  /** The column positions, for {@code <p:columns>}. */
  public List<Integer> getColumns() {
    return IntStream.range(0, headings.size()).boxed().toList();
  }

  /** Whether any line has cases or invoices behind it. */
  public boolean isDrillable() {
    return rows.stream().anyMatch(row -> row.drilldown() != null);
  }
}
