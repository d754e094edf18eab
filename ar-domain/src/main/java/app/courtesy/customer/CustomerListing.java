package app.courtesy.customer;

import static app.courtesy.shared.SqlValues.idList;

import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pages through customers for the customer list, with each customer's open and overdue balance per
 * currency, read for the page's customers only.
 */
@ApplicationScoped
public class CustomerListing {

  /** One line of the list; balances hold one amount per currency. */
  public record Row(
      long id,
      String number,
      String name,
      String country,
      String collector,
      List<Money> open,
      List<Money> overdue) {}

  /** Columns the list can be sorted by. */
  public enum Sort {
    NUMBER("c.number"),
    NAME("c.name"),
    COUNTRY("c.country");

    private final String column;

    Sort(String column) {
      this.column = column;
    }
  }

  /** The columns of a row before its balances, in the order {@link #withBalances} reads them. */
  private static final String ROWS =
      "select c.id, c.number, c.name, c.country, u.display_name"
          + " from customer c left join app_user u on u.id = c.collector_id";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  public long count(String text) {
    Query query = em.createNativeQuery("select count(*) from customer c" + where(text));
    bindText(query, text);
    return ((Number) query.getSingleResult()).longValue();
  }

  @SuppressWarnings("unchecked")
  public List<Row> page(String text, Sort sort, boolean ascending, int first, int size) {
    Query query =
        em.createNativeQuery(
            ROWS
                + where(text)
                + " order by "
                + sort.column
                + (ascending ? " asc" : " desc")
                + ", c.id offset ?2 rows fetch next ?3 rows only");
    bindText(query, text);
    query.setParameter(2, first).setParameter(3, size);
    return withBalances(query.getResultList());
  }

  /**
   * Every customer that matches, in the list's order, handed to {@code each} in chunks of {@code
   * chunk} read by keyset (after the last row's sort value and id, never by offset), each chunk
   * with its balances. Stops after {@code limit} rows.
   */
  @SuppressWarnings("unchecked")
  public void each(
      String text, Sort sort, boolean ascending, int chunk, long limit, Consumer<Row> each) {
    Object lastKey = null;
    long lastId = 0;
    long written = 0;
    while (written < limit) {
      String after =
          lastKey == null
              ? ""
              : " and ("
                  + sort.column
                  + (ascending ? " > ?4" : " < ?4")
                  + " or ("
                  + sort.column
                  + " = ?4 and c.id > ?5))";
      int size = (int) Math.min(chunk, limit - written);
      Query query =
          em.createNativeQuery(
              ROWS.replace(" from customer c", ", " + sort.column + " from customer c")
                  + where(text)
                  + after
                  + " order by "
                  + sort.column
                  + (ascending ? " asc" : " desc")
                  + ", c.id fetch first ?3 rows only");
      bindText(query, text);
      query.setParameter(3, size);
      if (lastKey != null) {
        query.setParameter(4, lastKey).setParameter(5, lastId);
      }
      List<Object[]> rows = query.getResultList();
      withBalances(rows).forEach(each);
      written += rows.size();
      if (rows.size() < size) {
        return;
      }
      Object[] last = rows.get(rows.size() - 1);
      lastKey = last[last.length - 1];
      lastId = ((Number) last[0]).longValue();
    }
  }

  private List<Row> withBalances(List<Object[]> rows) {
    Map<Long, List<Money>> open = new HashMap<>();
    Map<Long, List<Money>> overdue = new HashMap<>();
    balances(rows.stream().map(row -> ((Number) row[0]).longValue()).toList(), open, overdue);
    return rows.stream()
        .map(
            row -> {
              long id = ((Number) row[0]).longValue();
              return new Row(
                  id,
                  (String) row[1],
                  (String) row[2],
                  (String) row[3],
                  (String) row[4],
                  open.getOrDefault(id, List.of()),
                  overdue.getOrDefault(id, List.of()));
            })
        .toList();
  }

  @SuppressWarnings("unchecked")
  private void balances(
      List<Long> customerIds, Map<Long, List<Money>> open, Map<Long, List<Money>> overdue) {
    if (customerIds.isEmpty()) {
      return;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select b.customer_id, b.currency, sum(b.open_amount),"
                    + " sum(case when b.due_date < ?1 then b.open_amount else 0 end)"
                    + " from (select i.customer_id, i.currency, i.due_date, "
                    + app.courtesy.invoice.InvoiceListing.OPEN_AMOUNT
                    + " as open_amount from invoice i"
                    + " where i.state = 'ISSUED' and i.customer_id in ("
                    + idList(customerIds)
                    + ")) b where b.open_amount > 0"
                    + " group by b.customer_id, b.currency order by b.currency")
            .setParameter(1, Date.valueOf(LocalDate.now(clock)))
            .getResultList();
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      Currency currency = Currency.getInstance((String) row[1]);
      open.computeIfAbsent(id, k -> new ArrayList<>())
          .add(new Money(new BigDecimal(row[2].toString()), currency));
      Money late = new Money(new BigDecimal(row[3].toString()), currency);
      if (late.isPositive()) {
        overdue.computeIfAbsent(id, k -> new ArrayList<>()).add(late);
      }
    }
  }

  private static String where(String text) {
    return text == null || text.isBlank()
        ? " where 1 = 1"
        : " where (lower(c.number) like ?1 or lower(c.name) like ?1)";
  }

  private static void bindText(Query query, String text) {
    if (text != null && !text.isBlank()) {
      query.setParameter(1, "%" + text.strip().toLowerCase() + "%");
    }
  }
}
