package app.courtesy.web.export;

import app.courtesy.collection.CaseStatus;
import app.courtesy.collection.Worklist;
import app.courtesy.customer.CustomerListing;
import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.invoice.InvoiceListing;
import app.courtesy.invoice.InvoiceListing.Filter;
import app.courtesy.invoice.InvoiceListing.Show;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.shared.Money;
import app.courtesy.web.Formats;
import app.courtesy.web.cases.CaseListBacking;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Downloads a list as the page shows it: {@code /invoices/export?format=csv&text=…&currency=…
 * &show=OPEN&sort=DUE_DATE&order=asc}, {@code /customers/export?format=xlsx&text=…&sort=NAME
 * &order=asc}, {@code /cases/export?format=csv&text=…&collector=…&status=OPEN,PROMISED&country=…
 * &currency=…&min=…&max=…&promiseDueToday=true&needsCall=true&customerRequests=true
 * &repliesToAnswer=true&sort=PRIORITY&order=desc} and {@code /admin/outbox/export?format=csv
 * &status=FAILED}. The parameters are the list's own filter and sort; every matching row is
 * written, up to {@value #MAX_ROWS}. Who may download is who may see the list: the URLs lie under
 * the list's folder, which web.xml guards by role, and a collector's cases export holds their own
 * cases only, whichever collector the URL names.
 */
@WebServlet({"/invoices/export", "/customers/export", "/cases/export", "/admin/outbox/export"})
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

  private static final List<String> CASE_COLUMNS =
      List.of(
          "Priority",
          "Customer",
          "Customer number",
          "Country",
          "Why",
          "Currency",
          "Overdue",
          "Days late",
          "Status",
          "Next action",
          "Last contact",
          "Collector");

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject private transient InvoiceListing invoices;
  @Inject private transient CustomerListing customers;
  @Inject private transient Worklist worklist;
  @Inject private transient OutboxQueries outbox;
  @Inject private transient SecurityContext security;
  @Inject private transient Clock clock;
  @Inject private ExportProgress progress;

  /**
   * One list's export: the file's name, its header row, how many rows it will write (as far as the
   * list counts them) and its rows in the list's order.
   */
  private record Export(String name, List<String> columns, long expected, Rows rows) {}

  /** Hands each row's cells on, in the list's order. */
  private interface Rows {
    void each(Consumer<List<?>> cells);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String format = request.getParameter("format");
    boolean xlsx = "xlsx".equalsIgnoreCase(format);
    if (!xlsx && !"csv".equalsIgnoreCase(format)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "format is csv or xlsx");
      return;
    }
    Export export;
    try {
      export =
          switch (request.getServletPath()) {
            case "/invoices/export" -> invoices(request);
            case "/customers/export" -> customers(request);
            case "/cases/export" -> cases(request);
            default -> outbox(request);
          };
    } catch (IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    }
    response.setContentType(
        xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + export.name() + (xlsx ? ".xlsx" : ".csv") + "\"");
    progress.started(Math.min(export.expected(), MAX_ROWS));
    OutputStream out = response.getOutputStream();
    long[] written = {0};
    try (TableWriter writer =
        xlsx ? new XlsxTableWriter(out, export.name()) : new CsvTableWriter(out)) {
      writer.row(export.columns());
      export.rows().each(cells -> write(writer, cells, ++written[0]));
      progress.wrote(written[0]);
    } finally {
      progress.finished();
    }
  }

  private Export invoices(HttpServletRequest request) {
    String show = request.getParameter("show");
    Filter filter =
        new Filter(
            request.getParameter("text"),
            request.getParameter("currency"),
            show == null || show.isBlank() ? Show.ALL : Show.valueOf(show));
    InvoiceListing.Sort sort =
        sort(request, InvoiceListing.Sort.class, InvoiceListing.Sort.DUE_DATE);
    boolean ascending = !"desc".equalsIgnoreCase(request.getParameter("order"));
    return new Export(
        "invoices",
        INVOICE_COLUMNS,
        invoices.count(filter, MAX_ROWS),
        cells ->
            invoices.each(
                filter, sort, ascending, CHUNK, MAX_ROWS, row -> cells.accept(invoiceCells(row))));
  }

  private Export customers(HttpServletRequest request) {
    String text = request.getParameter("text");
    CustomerListing.Sort sort =
        sort(request, CustomerListing.Sort.class, CustomerListing.Sort.NAME);
    boolean ascending = !"desc".equalsIgnoreCase(request.getParameter("order"));
    return new Export(
        "customers",
        CUSTOMER_COLUMNS,
        customers.count(text),
        cells ->
            customers.each(
                text, sort, ascending, CHUNK, MAX_ROWS, row -> customerLines(row).forEach(cells)));
  }

  /** The worklist, highest priority first unless asked otherwise. */
  private Export cases(HttpServletRequest request) {
    String own = CaseListBacking.ownCasesOnly(security);
    String statuses = request.getParameter("status");
    Worklist.Filter filter =
        new Worklist.Filter(
            request.getParameter("text"),
            own.isEmpty() ? request.getParameter("collector") : own,
            statuses == null || statuses.isBlank()
                ? Set.of()
                : Arrays.stream(statuses.split(","))
                    .map(CaseStatus::valueOf)
                    .collect(Collectors.toSet()),
            request.getParameter("country"),
            request.getParameter("currency"),
            decimal(request.getParameter("min")),
            decimal(request.getParameter("max")),
            Boolean.parseBoolean(request.getParameter("promiseDueToday")),
            Boolean.parseBoolean(request.getParameter("needsCall")),
            Boolean.parseBoolean(request.getParameter("customerRequests")),
            Boolean.parseBoolean(request.getParameter("repliesToAnswer")));
    Worklist.Sort sort = sort(request, Worklist.Sort.class, Worklist.Sort.PRIORITY);
    boolean ascending = "asc".equalsIgnoreCase(request.getParameter("order"));
    LocalDate today = LocalDate.now(clock);
    Locale locale = request.getLocale();
    return new Export(
        "cases",
        CASE_COLUMNS,
        worklist.count(filter, today, MAX_ROWS),
        cells ->
            worklist.each(
                filter,
                today,
                sort,
                ascending,
                CHUNK,
                MAX_ROWS,
                row -> cells.accept(caseCells(row, today, locale))));
  }

  /**
   * The outbox's messages sent, failed or to be checked, or those of one of these, newest first.
   */
  private Export outbox(HttpServletRequest request) {
    String status = request.getParameter("status");
    Set<MessageStatus> statuses =
        status == null || status.isBlank()
            ? OutboxQueries.OUTCOMES
            : Set.of(MessageStatus.valueOf(status));
    if (!OutboxQueries.OUTCOMES.containsAll(statuses)) {
      throw new IllegalArgumentException("status is SENT, FAILED or UNCONFIRMED");
    }
    List<String> columns =
        List.of(
            "Customer",
            "Customer number",
            "Step",
            "Channel",
            "Invoices",
            "Outcome",
            "Sent (" + clock.getZone().getId() + ")",
            "Error");
    return new Export(
        "outbox",
        columns,
        outbox.count(statuses, MAX_ROWS),
        cells ->
            outbox.each(statuses, CHUNK, MAX_ROWS, listed -> cells.accept(messageCells(listed))));
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

  private static List<?> caseCells(Worklist.Row row, LocalDate today, Locale locale) {
    return Arrays.asList(
        row.priority(),
        row.customerName(),
        row.customerNumber(),
        row.country(),
        row.figures().why(today, locale),
        row.figures().overdue().currency().getCurrencyCode(),
        row.figures().overdue().amount(),
        row.figures().daysLate(today),
        row.status().label(),
        row.nextActionOn(),
        row.figures().lastContactAt() == null ? null : row.figures().lastContactAt().toLocalDate(),
        row.assignee());
  }

  /** A message as the outbox list shows it: when it was sent, or why it was not. */
  private List<?> messageCells(OutboxQueries.Listed listed) {
    OutboxMessage message = listed.message();
    boolean sent = message.getStatus() == MessageStatus.SENT;
    return Arrays.asList(
        listed.customerName(),
        listed.customerNumber(),
        message.label(),
        Formats.channelInWords(message.getChannel()),
        message.getInvoiceCount(),
        Formats.messageStatusInWords(message.getStatus()),
        sent && message.getSentAt() != null
            ? MINUTE.format(message.getSentAt().atZoneSameInstant(clock.getZone()))
            : null,
        sent ? null : message.getLastError());
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
              overdue == null ? BigDecimal.ZERO : overdue.amount()));
    }
    if (lines.isEmpty()) {
      lines.add(
          Arrays.asList(
              row.name(), row.number(), row.country(), row.collector(), null, null, null));
    }
    return lines;
  }

  private static BigDecimal decimal(String value) {
    return value == null || value.isBlank() ? null : new BigDecimal(value);
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
