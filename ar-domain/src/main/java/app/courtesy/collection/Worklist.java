package app.courtesy.collection;

import static app.courtesy.shared.SqlValues.date;

import app.courtesy.shared.CountLimit;
import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The collectors' worklist: open cases filtered, sorted and paged in the database, highest priority
 * first unless asked otherwise. A collector's own cases come from the index on (assignee, priority,
 * id), everyone's from the one on (priority, id), read in order, so the first page costs the same
 * for ten cases or a hundred thousand.
 */
@ApplicationScoped
public class Worklist {

  /** One line of the worklist. */
  public record Row(
      long caseId,
      String customerNumber,
      String customerName,
      String country,
      CaseStatus status,
      String assignee,
      LocalDate nextActionOn,
      int priority,
      CaseFigures figures,
      String customerRequest) {}

  /**
   * Which cases to show; {@code null}, blank or empty fields do not filter.
   *
   * @param text part of the customer's number or name
   * @param assignee a collector's username: only their cases
   * @param promiseDueToday only cases whose pending promise falls due on the day
   * @param needsCall only cases with a call due
   * @param customerRequests only cases with a customer's request no person has answered yet
   * @param repliesToAnswer only cases whose customer wrote back and waits for our answer
   */
  public record Filter(
      String text,
      String assignee,
      Set<CaseStatus> statuses,
      String country,
      String currency,
      BigDecimal minAmount,
      BigDecimal maxAmount,
      boolean promiseDueToday,
      boolean needsCall,
      boolean customerRequests,
      boolean repliesToAnswer) {}

  /** Columns the worklist can be sorted by. */
  public enum Sort {
    PRIORITY("k.priority", false),
    CUSTOMER("c.name", false),
    OVERDUE("k.overdue_amount", false),
    // Most days late is the earliest due date: sorted the other way round.
    DAYS_LATE("k.oldest_due_on", true),
    STATUS("k.status", false),
    NEXT_ACTION("k.next_action_on", true),
    LAST_CONTACT("k.last_contact_at", true);

    private final String column;
    private final boolean nullable;

    Sort(String column, boolean nullable) {
      this.column = column;
      this.nullable = nullable;
    }

    private boolean ascending(boolean asked) {
      return this == DAYS_LATE ? !asked : asked;
    }

    /**
     * The column, then the case id the same way round, so an index on both serves it. An empty
     * value sorts after every other (before them the other way round), as PostgreSQL has it, on
     * every database.
     */
    private String order(boolean asked) {
      String direction = ascending(asked) ? " asc" : " desc";
      String empty = nullable ? (ascending(asked) ? " nulls last" : " nulls first") : "";
      return column + direction + empty + ", k.id" + direction;
    }

    /**
     * The cases after the one whose sort value is {@code key} (null: empty) and id is parameter
     * {@code ?id}, in the order of {@link #order}: the value is parameter {@code ?key} when given.
     */
    private String after(boolean asked, boolean emptyKey, int key, int id) {
      String beyond = ascending(asked) ? " > ?" : " < ?";
      String sameKeyLaterId = " and k.id" + beyond + id;
      if (emptyKey) {
        String empties = column + " is null" + sameKeyLaterId;
        return ascending(asked) ? empties : "(" + empties + ") or " + column + " is not null";
      }
      String filled =
          column + beyond + key + " or (" + column + " = ?" + key + sameKeyLaterId + ")";
      return nullable && ascending(asked) ? filled + " or " + column + " is null" : filled;
    }
  }

  private static final String CUSTOMER = " join customer c on c.id = k.customer_id";

  /** The columns of a {@link Row}, in the order {@link #row} reads them. */
  private static final String ROWS =
      "select k.id, c.number, c.name, c.country, k.status, u.display_name,"
          + " k.next_action_on, k.priority, k.currency, k.overdue_amount, k.oldest_due_on,"
          + " k.last_contact_at, k.promise_due_on, k.promise_broken_on,"
          + " k.arrangement_defaulted_on, k.bounced, k.needs_call, k.customer_request,"
          + " k.reply_waiting_on";

  private static final String FROM =
      " from collection_case k" + CUSTOMER + " left join app_user u on u.id = k.assignee_id";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * How many open cases match, counted up to {@link CountLimit#LIMIT}: a result above it means
   * "more than that".
   */
  public long count(Filter filter, LocalDate today) {
    return count(filter, today, CountLimit.LIMIT);
  }

  /** How many open cases match, counted up to {@code limit}: above it means "more than that". */
  public long count(Filter filter, LocalDate today, long limit) {
    List<Object> parameters = new ArrayList<>();
    // The customer is joined only when a filter reads it: a collector's cases are counted from the
    // index on the assignee alone.
    String from =
        " from collection_case k"
            + (filled(filter.text()) || filled(filter.country()) ? CUSTOMER : "");
    Query query =
        em.createNativeQuery(
            CountLimit.count("select 1" + from + where(filter, today, parameters), limit));
    SqlValues.bind(query, parameters);
    return ((Number) query.getSingleResult()).longValue();
  }

  @SuppressWarnings("unchecked")
  public List<Row> page(
      Filter filter, LocalDate today, Sort sort, boolean ascending, int first, int size) {
    List<Object> parameters = new ArrayList<>();
    String where = where(filter, today, parameters);
    parameters.add(first);
    parameters.add(size);
    Query query =
        em.createNativeQuery(
            ROWS
                + FROM
                + where
                + " order by "
                + sort.order(ascending)
                + " offset ?"
                + (parameters.size() - 1)
                + " rows fetch next ?"
                + parameters.size()
                + " rows only");
    SqlValues.bind(query, parameters);
    return ((List<Object[]>) query.getResultList()).stream().map(Worklist::row).toList();
  }

  /**
   * Every open case that matches, in the worklist's order, handed to {@code each} in chunks of
   * {@code chunk} read by keyset (after the last case's sort value and id, never by offset), so the
   * last chunk of a hundred thousand cases is read as fast as the first. Stops after {@code limit}
   * cases.
   */
  @SuppressWarnings("unchecked")
  public void each(
      Filter filter,
      LocalDate today,
      Sort sort,
      boolean ascending,
      int chunk,
      long limit,
      Consumer<Row> each) {
    Object lastKey = null;
    long lastId = 0;
    long read = 0;
    while (read < limit) {
      List<Object> parameters = new ArrayList<>();
      StringBuilder where = new StringBuilder(where(filter, today, parameters));
      if (read > 0) {
        if (lastKey != null) {
          parameters.add(lastKey);
        }
        parameters.add(lastId);
        int id = parameters.size();
        where
            .append(" and (")
            .append(sort.after(ascending, lastKey == null, id - 1, id))
            .append(")");
      }
      int size = (int) Math.min(chunk, limit - read);
      parameters.add(size);
      Query query =
          em.createNativeQuery(
              ROWS
                  + ", "
                  + sort.column
                  + FROM
                  + where
                  + " order by "
                  + sort.order(ascending)
                  + " fetch first ?"
                  + parameters.size()
                  + " rows only");
      SqlValues.bind(query, parameters);
      List<Object[]> rows = query.getResultList();
      for (Object[] row : rows) {
        each.accept(row(row));
      }
      read += rows.size();
      if (rows.size() < size) {
        return;
      }
      Object[] last = rows.get(rows.size() - 1);
      lastKey = last[last.length - 1];
      lastId = ((Number) last[0]).longValue();
    }
  }

  private static String where(Filter filter, LocalDate today, List<Object> parameters) {
    StringBuilder where = new StringBuilder(" where k.open_customer_id is not null");
    if (filled(filter.text())) {
      parameters.add("%" + filter.text().strip().toLowerCase() + "%");
      int p = parameters.size();
      where.append(" and (lower(c.number) like ?" + p + " or lower(c.name) like ?" + p + ")");
    }
    if (filled(filter.assignee())) {
      parameters.add(filter.assignee());
      where
          .append(" and k.assignee_id = (select id from app_user where username = ?")
          .append(parameters.size())
          .append(")");
    }
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      where.append(
          filter.statuses().stream()
              .map(status -> "'" + status.name() + "'")
              .sorted()
              .collect(Collectors.joining(", ", " and k.status in (", ")")));
    }
    if (filled(filter.country())) {
      parameters.add(filter.country().strip().toUpperCase());
      where.append(" and c.country = ?").append(parameters.size());
    }
    if (filled(filter.currency())) {
      parameters.add(filter.currency());
      where.append(" and k.currency = ?").append(parameters.size());
    }
    if (filter.minAmount() != null) {
      parameters.add(filter.minAmount());
      where.append(" and k.overdue_amount >= ?").append(parameters.size());
    }
    if (filter.maxAmount() != null) {
      parameters.add(filter.maxAmount());
      where.append(" and k.overdue_amount <= ?").append(parameters.size());
    }
    if (filter.promiseDueToday()) {
      parameters.add(today);
      where.append(" and k.promise_due_on = ?").append(parameters.size());
    }
    if (filter.needsCall()) {
      where.append(" and k.needs_call");
    }
    if (filter.customerRequests()) {
      where.append(" and k.customer_request_on is not null");
    }
    if (filter.repliesToAnswer()) {
      where.append(" and k.reply_waiting_on is not null");
    }
    return where.toString();
  }

  private static boolean filled(String value) {
    return value != null && !value.isBlank();
  }

  private static Row row(Object[] row) {
    return new Row(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        CaseStatus.valueOf((String) row[4]),
        (String) row[5],
        date(row[6]),
        ((Number) row[7]).intValue(),
        new CaseFigures(
            new Money(new BigDecimal(row[9].toString()), Currency.getInstance((String) row[8])),
            date(row[10]),
            row[11] == null
                ? null
                : OffsetDateTime.ofInstant(SqlValues.instant(row[11]), ZoneOffset.UTC),
            date(row[12]),
            date(row[13]),
            date(row[14]),
            SqlValues.bool(row[15]),
            SqlValues.bool(row[16]),
            date(row[18])),
        (String) row[17]);
  }
}
