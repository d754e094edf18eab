package app.courtesy.invoice;

import static app.courtesy.shared.SqlValues.idList;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.shared.CountLimit;
import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pages through invoices for the invoice list: filtered, sorted and paged in the database, with
 * what is open on each invoice of the page derived from its allocations.
 */
@ApplicationScoped
public class InvoiceListing {

  /**
   * What is open on invoice {@code i}: its amount less what payments and credit notes applied to
   * it, which the database keeps on the row (migration V005).
   */
  public static final String OPEN_AMOUNT = "(i.amount - i.allocated)";

  /**
   * Invoice {@code i} is issued and not fully applied: exactly the predicate of the open-invoice
   * index, so that the database pages open invoices by due date from that index.
   */
  private static final String IS_OPEN = "i.state = 'ISSUED' and i.amount > i.allocated";

  /**
   * The most customers a search writes into its statement by id; beyond, the statement matches them
   * itself.
   */
  private static final int LISTED_CUSTOMERS = 10_000;

  /**
   * The most listed customers whose ids PostgreSQL weighs one by one to plan: their invoices are
   * about ten times as many, and above that many the page is found along the sort's index whatever
   * their number.
   */
  private static final int WEIGHED_CUSTOMERS = 1_000;

  /** The customers whose number or name is like the pattern in parameter {@code ?p}. */
  private static final String CUSTOMERS_MATCHING =
      "select id from customer where lower(number) like ?p or lower(name) like ?p";

  /** The columns of a {@link Row}, in the order {@link #row} reads them. */
  private static final String ROWS =
      "select i.id, i.number, c.number, c.name, i.issue_date, i.due_date, i.currency, i.amount, "
          + OPEN_AMOUNT
          + ", i.state, i.disputed from invoice i join customer c on c.id = i.customer_id";

  /** One line of the list. */
  public record Row(
      long id,
      String number,
      String customerNumber,
      String customerName,
      LocalDate issueDate,
      LocalDate dueDate,
      Money amount,
      Money open,
      InvoiceStatus status) {}

  /** Which invoices to show. */
  public enum Show {
    ALL,
    OPEN,
    OVERDUE,
    PAID,
    CLOSED
  }

  /**
   * The list's criteria; {@code null} or blank fields do not filter.
   *
   * @param text part of the invoice number, customer number or customer name
   */
  public record Filter(String text, String currency, Show show) {}

  /**
   * A filter with its search text matched against the customers (see {@link #search}), for the
   * count and the page of one request: the customers are looked up once, not once per statement.
   *
   * @param customerIds the matched customers' ids; {@code null} when more than {@value
   *     #LISTED_CUSTOMERS} match, or the filter has no search text
   * @param firstMatches once counted ({@link #counted}), the ids of the first invoices a search of
   *     all invoices matches, in the list's first order (by due date, then id), up to one more than
   *     the search's count limit: the pages within them are read by id. {@code null} otherwise
   */
  public record Search(Filter filter, List<Long> customerIds, List<Long> firstMatches) {}

  /** A search counted: how many invoices match, and the search with what the count read. */
  public record Counted(long count, Search search) {}

  /** Columns the list can be sorted by. */
  public enum Sort {
    NUMBER("i.number"),
    CUSTOMER("c.name"),
    ISSUE_DATE("i.issue_date"),
    DUE_DATE("i.due_date"),
    AMOUNT("i.amount");

    private final String column;

    Sort(String column) {
      this.column = column;
    }
  }

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  @Inject private DatabaseSchema schema;

  private static final Duration CURRENCIES_KEPT = Duration.ofMinutes(5);

  private record Currencies(List<String> codes, Instant readAt) {}

  private volatile Currencies currencies;

  /**
   * The currencies that invoices exist in, alphabetically. Reading them means scanning every
   * invoice, so the answer is kept for five minutes: a new currency shows up in filters within that
   * time.
   */
  @SuppressWarnings("unchecked")
  public List<String> currencies() {
    Currencies known = currencies;
    Instant now = clock.instant();
    if (known == null || known.readAt().plus(CURRENCIES_KEPT).isBefore(now)) {
      List<String> codes =
          em.createNativeQuery("select distinct currency from invoice order by currency")
              .getResultList();
      known = new Currencies(List.copyOf(codes), now);
      currencies = known;
    }
    return known.codes();
  }

  /**
   * How many invoices match, counted up to {@link #countLimit}: a result above it means "more than
   * that".
   */
  public long count(Filter filter) {
    return count(search(filter));
  }

  /** As {@link #count(Filter)}, with the customers already matched. */
  public long count(Search search) {
    return counted(search).count();
  }

  /**
   * As {@link #count(Search)}, and the search with the first matches the count read, from which
   * {@link #page(Search, Sort, boolean, int, int)} reads the pages within them.
   */
  public Counted counted(Search search) {
    return count(search, countLimit(search.filter()));
  }

  /**
   * How far {@link #count(Filter)} counts: {@link CountLimit#SEARCH_LIMIT} for a search, else
   * {@link CountLimit#LIMIT}.
   */
  public static long countLimit(Filter filter) {
    return isSearch(filter) ? CountLimit.SEARCH_LIMIT : CountLimit.LIMIT;
  }

  /** How many invoices match, counted up to {@code limit}: above it means "more than that". */
  public long count(Filter filter, long limit) {
    return count(search(filter), limit).count();
  }

  @SuppressWarnings("unchecked")
  private Counted count(Search search, long limit) {
    List<Object> parameters = new ArrayList<>();
    String where = where(search, parameters);
    // Every criterion is on the invoice (customers are matched in a subquery): counting needs no
    // join, and the open invoices are counted from their index alone. A search of all invoices
    // counted as far as the list's pages walks the due-date index as the pages do, which holds the
    // number and the customer it checks (V043), and stops at the limit; unordered, PostgreSQL
    // first gathers every invoice whose number holds the word's trigrams ("BI0000": about 100,000
    // of the million, 25 ms against 3 ms). That walk reads the matches in the order of the list's
    // first pages, so it keeps their ids: those pages need not walk the index again.
    Filter filter = search.filter();
    boolean alongDueDates =
        isSearch(filter)
            && (filter.show() == null || filter.show() == Show.ALL)
            && limit <= CountLimit.SEARCH_LIMIT;
    if (alongDueDates) {
      Query query =
          em.createNativeQuery(
              "select i.id from invoice i"
                  + where
                  + " order by i.due_date, i.id fetch first "
                  + (limit + 1)
                  + " rows only");
      SqlValues.bind(query, parameters);
      List<Long> first =
          ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
      return new Counted(first.size(), new Search(filter, search.customerIds(), first));
    }
    Query query = em.createNativeQuery(CountLimit.count("select 1 from invoice i" + where, limit));
    SqlValues.bind(query, parameters);
    return new Counted(((Number) query.getSingleResult()).longValue(), search);
  }

  public List<Row> page(Filter filter, Sort sort, boolean ascending, int first, int size) {
    return page(search(filter), sort, ascending, first, size);
  }

  /**
   * A page of what {@code search} finds, with the customers already matched: read by id when the
   * search's count read its invoices ({@link Search#firstMatches}).
   */
  @SuppressWarnings("unchecked")
  public List<Row> page(Search search, Sort sort, boolean ascending, int first, int size) {
    List<Long> matches = search.firstMatches();
    if (matches != null
        && sort == Sort.DUE_DATE
        && ascending
        && (first + size <= matches.size() || matches.size() <= CountLimit.SEARCH_LIMIT)) {
      List<Long> ids =
          matches.subList(Math.min(first, matches.size()), Math.min(first + size, matches.size()));
      if (ids.isEmpty()) {
        return List.of();
      }
      List<Object[]> rows =
          em.createNativeQuery(
                  ROWS + " where i.id in (" + idList(ids) + ") order by i.due_date, i.id")
              .getResultList();
      return rows.stream().map(InvoiceListing::row).toList();
    }
    List<Object> parameters = new ArrayList<>();
    String where = where(search, parameters);
    parameters.add(first);
    parameters.add(size);
    String order = " order by " + sort.column + (ascending ? " asc" : " desc") + ", i.id";
    // The page's invoices are found first and their columns read after: finding them reads only
    // what the criteria and the order need, which on PostgreSQL the due-date index holds (V043),
    // so a search pages along it without reading each passed-over invoice from the table.
    String sorted = sort == Sort.CUSTOMER ? " join customer c on c.id = i.customer_id" : "";
    Query query =
        em.createNativeQuery(
            ROWS
                + " where i.id in (select i.id from invoice i"
                + sorted
                + where
                + order
                + " offset ?"
                + (parameters.size() - 1)
                + " rows fetch next ?"
                + parameters.size()
                + " rows only)"
                + order);
    SqlValues.bind(query, parameters);
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(InvoiceListing::row).toList();
  }

  /**
   * Every invoice that matches, in the list's order, handed to {@code each} in chunks of {@code
   * chunk} read by keyset (after the last row's sort value and id, never by offset): an export of a
   * million invoices reads each chunk from the index as fast as the first. Stops after {@code
   * limit} rows.
   */
  @SuppressWarnings("unchecked")
  public void each(
      Filter filter, Sort sort, boolean ascending, int chunk, long limit, Consumer<Row> each) {
    Search search = search(filter);
    Object lastKey = null;
    long lastId = 0;
    long written = 0;
    while (written < limit) {
      List<Object> parameters = new ArrayList<>();
      StringBuilder where = new StringBuilder(where(search, parameters));
      if (lastKey != null) {
        parameters.add(lastKey);
        int key = parameters.size();
        parameters.add(lastId);
        where
            .append(" and (")
            .append(sort.column)
            .append(ascending ? " > ?" : " < ?")
            .append(key)
            .append(" or (")
            .append(sort.column)
            .append(" = ?")
            .append(key)
            .append(" and i.id > ?")
            .append(key + 1)
            .append("))");
      }
      int size = (int) Math.min(chunk, limit - written);
      parameters.add(size);
      Query query =
          em.createNativeQuery(
              ROWS.replace(" from invoice i", ", " + sort.column + " from invoice i")
                  + where
                  + " order by "
                  + sort.column
                  + (ascending ? " asc" : " desc")
                  + ", i.id fetch first ?"
                  + parameters.size()
                  + " rows only");
      SqlValues.bind(query, parameters);
      List<Object[]> rows = query.getResultList();
      for (Object[] row : rows) {
        each.accept(row(row));
      }
      written += rows.size();
      if (rows.size() < size) {
        return;
      }
      Object[] last = rows.get(rows.size() - 1);
      lastKey = last[last.length - 1];
      lastId = ((Number) last[0]).longValue();
    }
  }

  /** Every invoice of the customer, in the order they were issued. */
  @SuppressWarnings("unchecked")
  public List<Row> ofCustomer(long customerId) {
    List<Object[]> rows =
        em.createNativeQuery(
                ROWS + " where i.customer_id = ?1 order by i.issue_date, i.number, i.id")
            .setParameter(1, customerId)
            .getResultList();
    return rows.stream().map(InvoiceListing::row).toList();
  }

  private String where(Search search, List<Object> parameters) {
    Filter filter = search.filter();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (isSearch(filter)) {
      parameters.add(pattern(filter));
      int p = parameters.size();
      // Customers are matched first, on their own table (on PostgreSQL through their trigram
      // indexes, V019), and their invoices found by customer: an OR across the joined tables could
      // only be answered by reading every invoice. The matched customers are written into the
      // statement, so the database knows how many invoices they have: a word that matches
      // thousands of them is paged along the sort's index, each invoice checked against the
      // customers in a hash; a rare one through the invoices' index by customer.
      where
          .append(" and (lower(i.number) like ?")
          .append(p)
          .append(customers(search.customerIds(), p))
          .append(")");
    }
    if (filter.currency() != null && !filter.currency().isBlank()) {
      parameters.add(filter.currency());
      where.append(" and i.currency = ?").append(parameters.size());
    }
    Show show = filter.show() == null ? Show.ALL : filter.show();
    switch (show) {
      case OPEN -> where.append(" and ").append(IS_OPEN);
      case OVERDUE -> {
        parameters.add(Date.valueOf(LocalDate.now(clock)));
        where
            .append(" and ")
            .append(IS_OPEN)
            .append(" and i.due_date < ?")
            .append(parameters.size());
      }
      case PAID -> where.append(" and i.state = 'ISSUED' and i.amount <= i.allocated");
      case CLOSED -> where.append(" and i.state <> 'ISSUED'");
      case ALL -> {}
    }
    return where.toString();
  }

  /** The filter with its search text matched against the customers' numbers and names. */
  @SuppressWarnings("unchecked")
  public Search search(Filter filter) {
    if (!isSearch(filter)) {
      return new Search(filter, null, null);
    }
    List<Number> ids =
        em.createNativeQuery(CUSTOMERS_MATCHING.replace("?p", "?1"))
            .setParameter(1, pattern(filter))
            .setMaxResults(LISTED_CUSTOMERS + 1)
            .getResultList();
    return new Search(
        filter,
        ids.size() > LISTED_CUSTOMERS ? null : ids.stream().map(Number::longValue).toList(),
        null);
  }

  private static boolean isSearch(Filter filter) {
    return filter.text() != null && !filter.text().isBlank();
  }

  private static String pattern(Filter filter) {
    return "%" + filter.text().strip().toLowerCase() + "%";
  }

  /**
   * The search's condition on the customer, to follow {@code lower(i.number) like ?p}: {@code or
   * i.customer_id in (…)} with the matched customers' ids, nothing when none matched, or the
   * customer query itself when more than {@value #LISTED_CUSTOMERS} did ({@code ids} null). On
   * PostgreSQL the ids are one array constant, which it reads as one value (a list of 8,000
   * constants took longer to parse and plan than the page took to read): up to {@value
   * #WEIGHED_CUSTOMERS} compared with {@code = any(…)}, which the planner weighs id by id to know
   * how many invoices they have; beyond, looked up in a hash of the array's elements, which it does
   * not weigh, since so many customers' invoices are paged along the sort's index anyway.
   */
  private String customers(List<Long> ids, int p) {
    if (ids == null) {
      return " or i.customer_id in (" + CUSTOMERS_MATCHING.replace("?p", "?" + p) + ")";
    }
    if (ids.isEmpty()) {
      return "";
    }
    String listed = idList(ids);
    if (!schema.isPostgreSql()) {
      return " or i.customer_id in (" + listed + ")";
    }
    String array = "cast('{" + listed + "}' as bigint[])";
    return ids.size() <= WEIGHED_CUSTOMERS
        ? " or i.customer_id = any(" + array + ")"
        : " or i.customer_id in (select unnest(" + array + "))";
  }

  private static Row row(Object[] row) {
    Currency currency = Currency.getInstance((String) row[6]);
    Money amount = new Money(new BigDecimal(row[7].toString()), currency);
    Money open = new Money(new BigDecimal(row[8].toString()), currency);
    boolean disputed = SqlValues.bool(row[10]);
    return new Row(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        date(row[4]),
        date(row[5]),
        amount,
        open,
        InvoiceStatus.of(InvoiceState.valueOf((String) row[9]), disputed, amount, open));
  }

  private static LocalDate date(Object value) {
    return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
  }
}
