package app.courtesy.importing;

import app.courtesy.customer.CustomerRepository;
import app.courtesy.customer.NamedCustomer;
import app.courtesy.importing.CsvTable.Line;
import app.courtesy.importing.CsvTable.UnreadableFileException;
import app.courtesy.importing.ImportReport.Rejected;
import app.courtesy.invoice.Delivery;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.invoice.InvoicePart;
import app.courtesy.invoice.InvoiceService;
import app.courtesy.payment.PaymentData;
import app.courtesy.payment.PaymentService;
import app.courtesy.shared.InvalidRowsException;
import app.courtesy.shared.Money;
import app.courtesy.shared.RowError;
import app.courtesy.shared.UpsertResult;
import app.courtesy.shared.validation.Plausible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Imports invoices from a CSV file through a column mapping: every line is converted and checked by
 * the same rules as the REST API, every problem is reported with its line and column, and by
 * default one bad line imports nothing. A settled date records the payment of the invoice.
 * Importing the same file again changes nothing. A disputed column is the ERP's word, as {@code
 * disputed} in the REST upsert: yes opens a dispute from the ERP, no clears it (never a
 * collector's), and an empty cell or no such column changes nothing.
 */
@ApplicationScoped
public class InvoiceImport {

  /** The largest file accepted: 50 MiB, a few hundred thousand invoices. */
  public static final int MAX_BYTES = 50 * 1024 * 1024;

  @Inject private InvoiceService invoiceService;
  @Inject private PaymentService paymentService;
  @Inject private CustomerRepository customers;
  @Inject private Validator validator;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** A line that converted: the invoice it describes and, if settled, its payment. */
  private record Converted(int line, InvoiceData invoice, PaymentData payment) {}

  /**
   * @throws UnreadableFileException when the file is too large, not UTF-8 or not CSV
   * @throws MappingException when the mapping does not fit the file
   * @throws ImportRejectedException when an all-or-nothing import meets bad rows
   */
  @Transactional
  public ImportReport run(byte[] file, InvoiceMapping mapping, ImportMode mode) {
    return run(file, mapping, mode, Progress.NONE);
  }

  /**
   * As {@link #run(byte[], InvoiceMapping, ImportMode)}, telling {@code progress} how far it is.
   */
  @Transactional
  public ImportReport run(byte[] file, InvoiceMapping mapping, ImportMode mode, Progress progress) {
    progress.report(0, "Reading the file");
    if (file.length > MAX_BYTES) {
      throw new UnreadableFileException(
          "The file has "
              + file.length / (1024 * 1024)
              + " MiB; the limit is "
              + MAX_BYTES / (1024 * 1024)
              + " MiB. Split it into smaller files.");
    }
    Set<ConstraintViolation<InvoiceMapping>> invalid = validator.validate(mapping);
    if (!invalid.isEmpty()) {
      throw new MappingException(
          invalid.stream()
              .map(v -> v.getPropertyPath() + " " + v.getMessage())
              .sorted()
              .collect(Collectors.joining("; ")));
    }
    CsvTable table = CsvTable.parse(file);
    Columns columns = new Columns(mapping, table.header());
    Dates dates = new Dates(dateFormat(mapping.datePattern()));

    progress.report(10, "Checking " + table.lines().size() + " rows");
    Map<String, NamedCustomer> customersByNumber =
        customers.namedByNumber(
            table.lines().stream()
                .map(columns::customerNumber)
                .filter(number -> Plausible.nul(number).isEmpty())
                .toList(),
            Map.of());
    List<Rejected> rejected = new ArrayList<>();
    List<Converted> converted = new ArrayList<>();
    for (Line line : table.lines()) {
      convert(line, columns, dates, mapping, customersByNumber, rejected).ifPresent(converted::add);
    }
    if (mode == ImportMode.ALL_OR_NOTHING && !rejected.isEmpty()) {
      // Nothing is written: report what else the service would refuse, so one round of fixes does.
      List<InvoiceData> invoices = converted.stream().map(Converted::invoice).toList();
      reject(
          invoiceService.check(invoices, customersByNumber),
          converted,
          columns::invoiceColumn,
          rejected);
      throw new ImportRejectedException(report(table, converted, rejected, null, null, false));
    }
    Supplier<ImportReport> refused = () -> report(table, converted, rejected, null, null, false);

    progress.report(40, "Writing invoices");
    List<Converted> taken =
        acceptable(
            mode,
            converted,
            Converted::invoice,
            items -> invoiceService.check(items, customersByNumber),
            columns::invoiceColumn,
            rejected);
    UpsertResult invoiceResult =
        write(
            taken,
            Converted::invoice,
            items -> invoiceService.upsert(items, customersByNumber),
            columns::invoiceColumn,
            rejected,
            refused);
    em.flush();

    progress.report(75, "Recording payments");
    Function<String, String> settledColumn = field -> columns.invoiceColumn("settledDate");
    List<Converted> settled =
        acceptable(
            mode,
            taken.stream().filter(c -> c.payment() != null).toList(),
            Converted::payment,
            items -> paymentService.check(items, customersByNumber),
            settledColumn,
            rejected);
    UpsertResult paymentResult =
        write(
            settled,
            Converted::payment,
            items -> paymentService.record(items, customersByNumber),
            settledColumn,
            rejected,
            refused);
    progress.report(100, "Done");
    return report(table, taken, rejected, invoiceResult, paymentResult, true);
  }

  /**
   * The rows to write: all of them in all-or-nothing mode (the service checks them as it writes),
   * otherwise those the service would take, the others rejected.
   */
  private static <T> List<Converted> acceptable(
      ImportMode mode,
      List<Converted> rows,
      Function<Converted, T> item,
      Function<List<T>, List<RowError>> check,
      Function<String, String> column,
      List<Rejected> rejected) {
    if (mode == ImportMode.ALL_OR_NOTHING) {
      return rows;
    }
    reject(check.apply(rows.stream().map(item).toList()), rows, column, rejected);
    return without(rows, rejected);
  }

  /** Writes the rows' items, or rejects the whole import with every row the service refused. */
  private static <T> UpsertResult write(
      List<Converted> rows,
      Function<Converted, T> item,
      Function<List<T>, UpsertResult> upsert,
      Function<String, String> column,
      List<Rejected> rejected,
      Supplier<ImportReport> refused) {
    try {
      return upsert.apply(rows.stream().map(item).toList());
    } catch (InvalidRowsException invalid) {
      reject(invalid.errors(), rows, column, rejected);
      throw new ImportRejectedException(refused.get());
    }
  }

  private static java.util.Optional<Converted> convert(
      Line line,
      Columns columns,
      Dates dates,
      InvoiceMapping mapping,
      Map<String, NamedCustomer> customersByNumber,
      List<Rejected> rejected) {
    if (line.cells().size() != columns.width) {
      rejected.add(
          new Rejected(
              line.number(),
              "",
              "has " + line.cells().size() + " values; the header has " + columns.width));
      return java.util.Optional.empty();
    }
    int before = rejected.size();
    Cells cells = new Cells(line, columns.header, rejected);
    for (int index = 0; index < columns.width; index++) {
      int column = index;
      Plausible.nul(line.cells().get(index)).ifPresent(problem -> cells.fail(column, problem));
    }
    if (rejected.size() > before) {
      return java.util.Optional.empty();
    }
    String number = cells.text(columns.invoiceNumber);
    cells.spreadsheetSafe(columns.invoiceNumber);
    String customerNumber = cells.text(columns.customerNumber);
    LocalDate issued = cells.date(columns.issueDate, dates);
    LocalDate due = cells.date(columns.dueDate, dates);
    BigDecimal amount = cells.decimal(columns.amount, mapping.decimalComma());
    NamedCustomer customer = customersByNumber.get(customerNumber);
    if (customer == null && !customerNumber.isEmpty()) {
      cells.fail(columns.customerNumber, "no customer with number " + customerNumber);
    }
    String currency = currency(cells, columns, mapping, customer);
    LocalDate settledOn =
        columns.settledDate == null ? null : cells.optionalDate(columns.settledDate, dates);
    Boolean disputed = columns.disputed == null ? null : cells.flag(columns.disputed);
    Delivery delivery = columns.delivery == null ? null : cells.delivery(columns.delivery);
    if (rejected.size() > before) {
      return java.util.Optional.empty();
    }
    String externalId = columns.externalId == null ? number : cells.text(columns.externalId);
    String reference = columns.reference == null ? null : cells.text(columns.reference);
    InvoiceData invoice =
        new InvoiceData(
            externalId,
            number,
            customerNumber,
            issued,
            due,
            currency,
            amount,
            blankToNull(reference),
            null,
            disputed,
            delivery,
            null);
    PaymentData payment =
        settledOn == null
            ? null
            : new PaymentData(
                "settled-" + externalId,
                customerNumber,
                settledOn,
                currency,
                amount,
                null,
                "Settled " + number,
                List.of(new InvoicePart(number, amount)));
    return java.util.Optional.of(new Converted(line.number(), invoice, payment));
  }

  private static String currency(
      Cells cells, Columns columns, InvoiceMapping mapping, NamedCustomer customer) {
    if (columns.currency != null) {
      return cells.text(columns.currency).toUpperCase(Locale.ROOT);
    }
    if (mapping.defaultCurrency() != null) {
      return mapping.defaultCurrency();
    }
    return customer == null ? null : customer.currency();
  }

  private static void reject(
      List<RowError> errors,
      List<Converted> rows,
      Function<String, String> column,
      List<Rejected> rejected) {
    for (RowError error : errors) {
      rejected.add(
          new Rejected(rows.get(error.row()).line(), column.apply(error.field()), error.message()));
    }
  }

  private static List<Converted> without(List<Converted> rows, List<Rejected> rejected) {
    Set<Integer> bad = new HashSet<>();
    rejected.forEach(r -> bad.add(r.line()));
    return rows.stream().filter(row -> !bad.contains(row.line())).toList();
  }

  private static ImportReport report(
      CsvTable table,
      List<Converted> rows,
      List<Rejected> rejected,
      UpsertResult invoices,
      UpsertResult payments,
      boolean written) {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    // What the valid rows invoice: once written, the rows whose invoices were written; else those
    // no check refused.
    List<Converted> valid = written ? rows : without(rows, rejected);
    valid.stream()
        .map(Converted::invoice)
        .filter(i -> i.currency() != null)
        .sorted(Comparator.comparing(InvoiceData::currency))
        .forEach(i -> totals.merge(i.currency(), i.amount(), BigDecimal::add));
    return new ImportReport(
        table.lines().size(),
        invoices == null ? UpsertResult.none() : invoices,
        payments == null ? UpsertResult.none() : payments,
        rejected.stream()
            .collect(
                Collectors.toMap(
                    r -> r.line() + "\u0000" + r.column(),
                    r -> r,
                    (first, again) -> first,
                    LinkedHashMap::new))
            .values()
            .stream()
            .sorted(Comparator.comparing(Rejected::line).thenComparing(Rejected::column))
            .toList(),
        totals.entrySet().stream()
            .map(e -> new Money(e.getValue(), Currency.getInstance(e.getKey())))
            .toList(),
        written);
  }

  private static DateTimeFormatter dateFormat(String pattern) {
    try {
      return DatePatterns.formatter(pattern);
    } catch (IllegalArgumentException e) {
      throw new MappingException("The date pattern is not valid: " + e.getMessage());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The positions of the mapped columns in the file's header. */
  private static final class Columns {
    final int width;
    final Integer invoiceNumber;
    final Integer customerNumber;
    final Integer issueDate;
    final Integer dueDate;
    final Integer amount;
    final Integer currency;
    final Integer externalId;
    final Integer reference;
    final Integer disputed;
    final Integer settledDate;
    final Integer delivery;
    private final List<String> header;
    private final Map<String, String> columnOfField = new LinkedHashMap<>();

    Columns(InvoiceMapping mapping, List<String> header) {
      this.header = header;
      this.width = header.size();
      List<String> missing = new ArrayList<>();
      invoiceNumber = find("number", mapping.invoiceNumber(), missing);
      customerNumber = find("customerNumber", mapping.customerNumber(), missing);
      issueDate = find("issueDate", mapping.issueDate(), missing);
      dueDate = find("dueDate", mapping.dueDate(), missing);
      amount = find("amount", mapping.amount(), missing);
      currency = find("currency", mapping.currency(), missing);
      externalId = find("externalId", mapping.externalId(), missing);
      reference = find("reference", mapping.reference(), missing);
      disputed = find("disputed", mapping.disputed(), missing);
      settledDate = find("settledDate", mapping.settledDate(), missing);
      delivery = find("delivery", mapping.delivery(), missing);
      if (externalId == null) {
        columnOfField.put("externalId", columnOfField.get("number"));
      }
      if (!missing.isEmpty()) {
        throw new MappingException(
            "The file has no column "
                + String.join(", ", missing)
                + ". Its columns are: "
                + String.join(", ", header)
                + ".");
      }
    }

    private Integer find(String field, String column, List<String> missing) {
      if (column == null || column.isBlank()) {
        return null;
      }
      int index = header.indexOf(column.strip());
      if (index < 0) {
        missing.add(column);
        return null;
      }
      columnOfField.put(field, column.strip());
      return index;
    }

    String customerNumber(Line line) {
      return line.cells().size() == width ? line.cells().get(customerNumber).strip() : null;
    }

    /** The file's column for a field of {@link InvoiceData}, for messages. */
    String invoiceColumn(String field) {
      return columnOfField.getOrDefault(field, field);
    }
  }

  /**
   * Reads the file's dates by the mapping's pattern. A file has far fewer dates than cells with
   * dates, so each date written is parsed once and looked up after.
   */
  private static final class Dates {
    private final DateTimeFormatter format;
    private final Map<String, LocalDate> read = new HashMap<>();

    Dates(DateTimeFormatter format) {
      this.format = format;
    }

    /**
     * @throws DateTimeParseException when {@code value} is not a date in the pattern
     */
    LocalDate parse(String value) {
      LocalDate date = read.get(value);
      if (date == null) {
        date = LocalDate.parse(value, format);
        read.put(value, date);
      }
      return date;
    }

    /** A date as the pattern writes it, for messages. */
    String example() {
      return format.format(LocalDate.of(2026, 1, 31));
    }
  }

  /** Reads typed values from one line, recording a rejection per bad cell. */
  private record Cells(Line line, List<String> header, List<Rejected> rejected) {

    String text(int index) {
      return line.cells().get(index).strip();
    }

    LocalDate date(int index, Dates dates) {
      LocalDate date = optionalDate(index, dates);
      if (date == null && text(index).isEmpty()) {
        fail(index, "is empty");
      }
      return date;
    }

    LocalDate optionalDate(int index, Dates dates) {
      String value = text(index);
      if (value.isEmpty()) {
        return null;
      }
      try {
        return dates.parse(value);
      } catch (DateTimeParseException e) {
        fail(index, "'" + value + "' is not a date like " + dates.example());
        return null;
      }
    }

    /**
     * Refuses a cell a spreadsheet would run as a formula, as written in the file (a leading tab or
     * carriage return counts, though the value is read without it).
     */
    void spreadsheetSafe(int index) {
      Plausible.spreadsheetSafe(line.cells().get(index)).ifPresent(problem -> fail(index, problem));
    }

    BigDecimal decimal(int index, boolean decimalComma) {
      String value = text(index).replace(" ", "");
      String normal =
          decimalComma ? value.replace(".", "").replace(',', '.') : value.replace(",", "");
      try {
        return new BigDecimal(normal);
      } catch (NumberFormatException e) {
        fail(index, value.isEmpty() ? "is empty" : "'" + value + "' is not an amount");
        return null;
      }
    }

    Delivery delivery(int index) {
      String value = text(index);
      if (value.isEmpty()) {
        fail(index, "is empty: say Paper or Electronic");
        return null;
      }
      return Delivery.parse(value)
          .orElseGet(
              () -> {
                fail(index, "'" + value + "' is neither Paper nor Electronic");
                return null;
              });
    }

    /** Yes or no; an empty cell says nothing ({@code null}), as an absent column does. */
    Boolean flag(int index) {
      String value = text(index).toLowerCase(Locale.ROOT);
      return switch (value) {
        case "yes", "y", "true", "1" -> true;
        case "no", "n", "false", "0" -> false;
        case "" -> null;
        default -> {
          fail(index, "'" + value + "' is not yes or no");
          yield null;
        }
      };
    }

    void fail(int index, String reason) {
      rejected.add(new Rejected(line.number(), columnName(index), reason));
    }

    private String columnName(int index) {
      return header.get(index);
    }
  }
}
