package app.courtesy.web.export;

import app.courtesy.customer.CustomerListing;
import app.courtesy.invoice.InvoiceListing;
import app.courtesy.invoice.InvoiceListing.Filter;
import app.courtesy.invoice.InvoiceListing.Show;
import app.courtesy.shared.Money;
import app.courtesy.web.Formats;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Downloads a list as the page shows it: {@code /invoices/export?format=csv&text=…&currency=…
 * &show=OPEN&sort=DUE_DATE&order=asc} and {@code /customers/export?format=xlsx&text=…&sort=NAME
 * &order=asc}. The parameters are the list's own filter and sort; every matching row is written, up
 * to {@value #MAX_ROWS}. Who may download is who may see the list: the URLs lie under the list's
 * folder, which web.xml guards by role.
 */
@WebServlet({"/invoices/export", "/customers/export"})
public class ListExportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The most rows one export writes; the list pages say so beside the export button. */
  public static final int MAX_ROWS = 1_000_000;

  /** Rows read from the database at a time. */
  private static final int CHUNK = 1_000;

  private static final List<String> INVOICE_COLUMNS =
      List.of(
          "Invoice",
          "Customer",
          "Customer number",
          "Issued",
          "Due",
          "Currency",
          "Amount",
          "Open",
          "Status");

  private static final List<String> CUSTOMER_COLUMNS =
      List.of("Customer", "Customer number", "Country", "Collector", "Currency", "Open", "Overdue");

  @Inject private transient InvoiceListing invoices;
  @Inject private transient CustomerListing customers;
  @Inject private ExportProgress progress;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String format = request.getParameter("format");
    boolean xlsx = "xlsx".equalsIgnoreCase(format);
    if (!xlsx && !"csv".equalsIgnoreCase(format)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "format is csv or xlsx");
      return;
    }
    boolean isInvoices = request.getServletPath().startsWith("/invoices");
    String name = isInvoices ? "invoices" : "customers";
    boolean ascending = !"desc".equalsIgnoreCase(request.getParameter("order"));
    String text = request.getParameter("text");
    InvoiceListing.Sort invoiceSort;
    CustomerListing.Sort customerSort;
    Filter filter;
    try {
      invoiceSort = sort(request, InvoiceListing.Sort.class, InvoiceListing.Sort.DUE_DATE);
      customerSort = sort(request, CustomerListing.Sort.class, CustomerListing.Sort.NAME);
      String show = request.getParameter("show");
      filter =
          new Filter(
              text,
              request.getParameter("currency"),
              show == null || show.isBlank() ? Show.ALL : Show.valueOf(show));
    } catch (IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    }
    response.setContentType(
        xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + name + (xlsx ? ".xlsx" : ".csv") + "\"");
    // The bar's whole is what this export counts up to the rows it may write, never the list's
    // count, which stops at 10,001 and left the bar at 99 % for the rest of a larger export.
    progress.started(
        Math.min(isInvoices ? invoices.count(filter, MAX_ROWS) : customers.count(text), MAX_ROWS));
    OutputStream out = response.getOutputStream();
    long[] written = {0};
    try (TableWriter writer = xlsx ? new XlsxTableWriter(out, name) : new CsvTableWriter(out)) {
      if (isInvoices) {
        writer.row(INVOICE_COLUMNS);
        invoices.each(
            filter,
            invoiceSort,
            ascending,
            CHUNK,
            MAX_ROWS,
            row -> write(writer, invoiceCells(row), ++written[0]));
      } else {
        writer.row(CUSTOMER_COLUMNS);
        customers.each(
            text,
            customerSort,
            ascending,
            CHUNK,
            MAX_ROWS,
            row -> customerLines(row).forEach(line -> write(writer, line, ++written[0])));
      }
      progress.wrote(written[0]);
    } finally {
      progress.finished();
    }
  }

  private void write(TableWriter writer, List<?> cells, long written) {
    try {
      writer.row(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (written % CHUNK == 0) {
      progress.wrote(written);
    }
  }

  private static List<?> invoiceCells(InvoiceListing.Row row) {
    return Arrays.asList(
        row.number(),
        row.customerName(),
        row.customerNumber(),
        row.issueDate(),
        row.dueDate(),
        row.amount().currency().getCurrencyCode(),
        row.amount().amount(),
        row.open().amount(),
        Formats.statusInWords(row.status()));
  }

  /**
   * A customer's lines: one per currency it has open, each with what is open and overdue in it, or
   * one line without amounts when nothing is open.
   */
  private static List<List<?>> customerLines(CustomerListing.Row row) {
    List<List<?>> lines = new ArrayList<>();
    for (Money open : row.open()) {
      Money overdue =
          row.overdue().stream()
              .filter(late -> late.currency().equals(open.currency()))
              .findFirst()
              .orElse(null);
      lines.add(
          Arrays.asList(
              row.name(),
              row.number(),
              row.country(),
              row.collector(),
              open.currency().getCurrencyCode(),
              open.amount(),
              overdue == null ? java.math.BigDecimal.ZERO : overdue.amount()));
    }
    if (lines.isEmpty()) {
      lines.add(
          Arrays.asList(
              row.name(), row.number(), row.country(), row.collector(), null, null, null));
    }
    return lines;
  }

  private static <S extends Enum<S>> S sort(
      HttpServletRequest request, Class<S> sorts, S byDefault) {
    String sort = request.getParameter("sort");
    if (sort == null || sort.isBlank()) {
      return byDefault;
    }
    for (S candidate : sorts.getEnumConstants()) {
      if (candidate.name().equals(sort.toUpperCase(Locale.ROOT))) {
        return candidate;
      }
    }
    return byDefault;
  }
}
