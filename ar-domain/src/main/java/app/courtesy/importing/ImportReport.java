package app.courtesy.importing;

import app.courtesy.shared.Money;
import app.courtesy.shared.UpsertResult;
import java.util.List;

/**
 * What an import did, or would have done: rows read, invoices and payments created, updated or
 * unchanged, every rejected row with its line number and reason, and the invoiced totals per
 * currency of the rows taken.
 *
 * @param written whether anything was written; false when an all-or-nothing import met a bad row
 */
public record ImportReport(
    int rows,
    UpsertResult invoices,
    UpsertResult payments,
    List<Rejected> rejected,
    List<Money> totals,
    boolean written) {

  /**
   * One problem of one line; {@code column} is the file's header name, empty for the whole line.
   */
  public record Rejected(int line, String column, String reason) {}
}
