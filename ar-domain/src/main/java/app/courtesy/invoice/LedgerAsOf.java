package app.courtesy.invoice;

import app.courtesy.customer.Customer;
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
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger as it stood at the end of a day: invoices issued by then, less the payments and credit
 * notes dated by then; a payment reversed or a credit note cancelled after that day still counts
 * (its allocations are kept in {@code unwound_allocation}), one reversed by then does not. What the
 * customer paid or was credited and what was not applied to an invoice by then is their unapplied
 * credit, less the refunds dated by then. Today's figures are the same question asked for today.
 */
@ApplicationScoped
public class LedgerAsOf {

  /**
   * What was applied to each invoice by the end of day {@code ?1}: columns {@code invoice_id,
   * allocated}.
   */
  static final String ALLOCATED =
      """
      select a.invoice_id, sum(a.amount) as allocated
        from (select pa.invoice_id, pa.amount
                from payment_allocation pa join payment p on p.id = pa.payment_id
               where p.payment_date <= ?1
              union all
              select ca.invoice_id, ca.amount
                from credit_allocation ca join credit_note n on n.id = ca.credit_note_id
               where n.issue_date <= ?1
              union all
              select u.invoice_id, u.amount
                from unwound_allocation u join receipt_reversal r on r.id = u.reversal_id
               where u.received_on <= ?1 and r.reversed_on > ?1) a
       group by a.invoice_id
      """;

  /**
   * How much of what is applied to each invoice now ({@code invoice.allocated}, kept by the
   * database) was not applied by the end of day {@code ?1}: the payments and credit notes dated
   * after it, less the allocations of receipts reversed after it that were dated by then. Columns
   * {@code invoice_id, since}. So what was applied by the end of the day is {@code i.allocated -
   * coalesce(a.since, 0)}, the same as {@link #ALLOCATED} tells, and a recent day reads only the
   * few allocations since instead of summing every allocation of the book.
   */
  static final String APPLIED_SINCE =
      """
      select a.invoice_id, sum(a.amount) as since
        from (select pa.invoice_id, pa.amount
                from payment_allocation pa join payment p on p.id = pa.payment_id
               where p.payment_date > ?1
              union all
              select ca.invoice_id, ca.amount
                from credit_allocation ca join credit_note n on n.id = ca.credit_note_id
               where n.issue_date > ?1
              union all
              select u.invoice_id, -u.amount
                from unwound_allocation u join receipt_reversal r on r.id = u.reversal_id
               where u.received_on <= ?1 and r.reversed_on > ?1) a
       group by a.invoice_id
      """;

  /**
   * What was open at the end of day {@code ?1} on each issued invoice, or on each instalment of one
   * paid in instalments (what was applied settling them in date order), by its own due date:
   * columns {@code invoice_id, customer_id, instalment_no} (0 for an invoice without a schedule),
   * {@code currency, due_date, open_amount} (zero or less when nothing was open). It ends in its
   * {@code where} clause, so a caller may narrow it ({@code and i.customer_id = ?n}) where the
   * invoices are read.
   */
  public static final String RECEIVABLES =
      """
      select i.id as invoice_id, i.customer_id, coalesce(n.number, 0) as instalment_no,
             i.currency, coalesce(n.due_date, i.due_date) as due_date,
             least(coalesce(n.amount, i.amount), coalesce(n.amount_through, i.amount)
                   - (i.allocated - coalesce(a.since, 0))) as open_amount
        from invoice i
        left join invoice_instalment n on n.invoice_id = i.id
        left join (%s) a on a.invoice_id = i.id
       where i.state = 'ISSUED' and i.issue_date <= ?1
      """
          .formatted(APPLIED_SINCE);

  /**
   * {@link #RECEIVABLES} as of the day in parameter {@code ?n} rather than {@code ?1}, so that one
   * statement reads the ledger as it stood at the end of several days.
   */
  public static String receivables(int dayParameter) {
    return RECEIVABLES.replace("?1", "?" + dayParameter);
  }

  /**
   * The unapplied credit at the end of day {@code ?1} per customer and currency, positive: receipts
   * dated by then and not reversed by then, less what of them was applied to invoices issued by
   * then, less what of the payments settled late-payment charges dated by then, less refunds.
   */
  private static final String UNAPPLIED =
      """
      select x.customer_id, x.currency, sum(x.amount) as unapplied
        from (select p.customer_id, p.currency, p.amount from payment p
               where p.payment_date <= ?1
                 and not exists (select 1 from receipt_reversal r
                                  where r.payment_id = p.id and r.reversed_on <= ?1)
              union all
              select n.customer_id, n.currency, n.amount from credit_note n
               where n.issue_date <= ?1
                 and not exists (select 1 from receipt_reversal r
                                  where r.credit_note_id = n.id and r.reversed_on <= ?1)
              union all
              select i.customer_id, i.currency, -a.allocated
                from invoice i join (%s) a on a.invoice_id = i.id
               where i.issue_date <= ?1
              union all
              select p.customer_id, p.currency, -s.amount
                from charge_settlement s join payment p on p.id = s.payment_id
                join charge_document d on d.id = s.document_id
               where p.payment_date <= ?1 and d.business_date <= ?1
                 and not exists (select 1 from receipt_reversal r
                                  where r.payment_id = p.id and r.reversed_on <= ?1)
              union all
              select f.customer_id, f.currency, -f.amount from credit_refund f
               where f.refund_date <= ?1) x
       where %s
       group by x.customer_id, x.currency
      having sum(x.amount) <> 0
      """;

  // Per receipt of one customer ?2: what of it was applied by ?1 to invoices issued by then
  // (allocations still standing, and those a later reversal unwound) or to charges dated by then.
  private static final String CREDITS =
      """
      select cast('PAYMENT' as varchar(20)) as kind,
             cast(coalesce(p.reference, p.external_id) as varchar(100)) as reference,
             p.payment_date as on_date, p.currency as currency,
             p.amount - coalesce((select sum(pa.amount) from payment_allocation pa
                                   join invoice i on i.id = pa.invoice_id
                                  where pa.payment_id = p.id and i.issue_date <= ?1), 0)
                      - coalesce((select sum(u.amount) from unwound_allocation u
                                   join invoice i on i.id = u.invoice_id
                                  where u.reversal_id = r.id and i.issue_date <= ?1), 0)
                      - coalesce((select sum(s.amount) from charge_settlement s
                                   join charge_document d on d.id = s.document_id
                                  where s.payment_id = p.id and d.business_date <= ?1), 0) as amount
        from payment p left join receipt_reversal r on r.payment_id = p.id
       where p.customer_id = ?2 and p.payment_date <= ?1 and (r.id is null or r.reversed_on > ?1)
      union all
      select 'CREDIT_NOTE', n.number, n.issue_date, n.currency,
             n.amount - coalesce((select sum(ca.amount) from credit_allocation ca
                                   join invoice i on i.id = ca.invoice_id
                                  where ca.credit_note_id = n.id and i.issue_date <= ?1), 0)
                      - coalesce((select sum(u.amount) from unwound_allocation u
                                   join invoice i on i.id = u.invoice_id
                                  where u.reversal_id = r.id and i.issue_date <= ?1), 0)
        from credit_note n left join receipt_reversal r on r.credit_note_id = n.id
       where n.customer_id = ?2 and n.issue_date <= ?1 and (r.id is null or r.reversed_on > ?1)
      union all
      select 'REFUND', coalesce(f.reference, f.external_id), f.refund_date, f.currency, -f.amount
        from credit_refund f
       where f.customer_id = ?2 and f.refund_date <= ?1
      """;

  /**
   * What each late-payment charge document dated by the end of day {@code ?1} had taken by then:
   * payments dated by then and not reversed by then, credit documents dated by then (a credit's own
   * row counts what it gave). Columns {@code document_id, taken}.
   */
  private static final String CHARGES_TAKEN =
      """
      select t.document_id, sum(t.amount) as taken
        from (select s.document_id, s.amount
                from charge_settlement s join payment p on p.id = s.payment_id
               where p.payment_date <= ?1
                 and not exists (select 1 from receipt_reversal r
                                  where r.payment_id = p.id and r.reversed_on <= ?1)
              union all
              select s.document_id, s.amount
                from charge_settlement s join charge_document c on c.id = s.credit_document_id
               where c.business_date <= ?1
              union all
              select s.credit_document_id, s.amount
                from charge_settlement s join charge_document c on c.id = s.document_id
               where s.credit_document_id is not null and c.business_date <= ?1) t
       group by t.document_id
      """;

  // Far enough ahead to count everything recorded, whatever its date.
  private static final LocalDate EVERYTHING = LocalDate.of(9999, 12, 31);

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /**
   * What was open on the customer's issued invoices at the end of {@code asOf}, oldest due first.
   */
  @SuppressWarnings("unchecked")
  public List<OpenItem> openItems(Customer customer, LocalDate asOf) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select i.id, i.number, i.due_date, i.currency,"
                    + " i.amount - (i.allocated - coalesce(a.since, 0))"
                    + " from invoice i left join ("
                    + APPLIED_SINCE
                    + ") a on a.invoice_id = i.id"
                    + " where i.customer_id = ?2 and i.state = 'ISSUED' and i.issue_date <= ?1"
                    + " and i.amount > i.allocated - coalesce(a.since, 0)"
                    + " order by i.due_date, i.number")
            .setParameter(1, Date.valueOf(asOf))
            .setParameter(2, customer.getId())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new OpenItem(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    SqlValues.date(row[2]),
                    money(row[4], row[3])))
        .toList();
  }

  /**
   * The customer's unapplied credit at the end of {@code asOf}, line by line, oldest first: each
   * payment and credit note with something not applied (negative), each refund (positive).
   */
  @SuppressWarnings("unchecked")
  public List<CreditItem> credits(Customer customer, LocalDate asOf) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.kind, c.reference, c.on_date, c.currency, c.amount from ("
                    + CREDITS
                    + ") c where c.amount <> 0 order by c.on_date, c.kind, c.reference")
            .setParameter(1, Date.valueOf(asOf))
            .setParameter(2, customer.getId())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new CreditItem(
                    (String) row[0],
                    (String) row[1],
                    SqlValues.date(row[2]),
                    Money.zero(Currency.getInstance((String) row[3])).minus(money(row[4], row[3]))))
        .toList();
  }

  /**
   * The unapplied credit per currency at the end of {@code asOf}, negative (the customer's money),
   * for one customer or, with {@code customerId} null, the whole book.
   */
  @SuppressWarnings("unchecked")
  public Map<Currency, Money> unapplied(LocalDate asOf, Long customerId) {
    Query query =
        em.createNativeQuery(
            UNAPPLIED.formatted(ALLOCATED, customerId == null ? "1 = 1" : "x.customer_id = ?2"));
    query.setParameter(1, Date.valueOf(asOf));
    if (customerId != null) {
      query.setParameter(2, customerId);
    }
    Map<Currency, Money> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      Money credit = money(row[2], row[1]);
      totals.merge(credit.currency(), Money.zero(credit.currency()).minus(credit), Money::plus);
    }
    return totals;
  }

  /** One instalment still open of an invoice paid in instalments: "instalment 2 of 3". */
  public record OpenInstalment(
      String invoiceNumber, int instalment, int of, LocalDate dueDate, Money open) {}

  /**
   * What was open at the end of {@code asOf} on the instalments of the customer's invoices paid in
   * instalments, due first.
   */
  @SuppressWarnings("unchecked")
  public List<OpenInstalment> openInstalments(Customer customer, LocalDate asOf) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select i.number, o.instalment_no,"
                    + " (select count(*) from invoice_instalment n where n.invoice_id = i.id),"
                    + " o.due_date, o.open_amount, o.currency"
                    + " from ("
                    + RECEIVABLES
                    + " and i.customer_id = ?2) o join invoice i on i.id = o.invoice_id"
                    + " where o.instalment_no > 0 and o.open_amount > 0"
                    + " order by o.due_date, i.number, o.instalment_no")
            .setParameter(1, Date.valueOf(asOf))
            .setParameter(2, customer.getId())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new OpenInstalment(
                    (String) row[0],
                    ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(),
                    SqlValues.date(row[3]),
                    money(row[4], row[5])))
        .toList();
  }

  /**
   * The late-payment charges open at the end of {@code asOf} per currency (credits netted; never
   * aged), for one customer or, with {@code customerId} null, the whole book: documents dated by
   * then, less what payments and credits had settled by then and what was waived by then.
   */
  @SuppressWarnings("unchecked")
  public Map<Currency, Money> charges(LocalDate asOf, Long customerId) {
    Query query =
        em.createNativeQuery(
            "select d.currency, sum((d.total - sign(d.total) * (coalesce(t.taken, 0)"
                + "   + case when d.waived_at < ?2 then d.waived_amount else 0 end)))"
                + " from charge_document d left join ("
                + CHARGES_TAKEN
                + ") t on t.document_id = d.id where d.business_date <= ?1"
                + (customerId == null ? "" : " and d.customer_id = ?3")
                + " group by d.currency");
    query
        .setParameter(1, Date.valueOf(asOf))
        .setParameter(2, asOf.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
    if (customerId != null) {
      query.setParameter(3, customerId);
    }
    Map<Currency, Money> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      Money open = money(row[1], row[0]);
      if (open.amount().signum() != 0) {
        totals.put(open.currency(), open);
      }
    }
    return totals;
  }

  /**
   * The customer's unapplied credit in this currency as recorded, positive: every receipt, refund
   * and reversal counted whatever its date. What a refund may pay back at most.
   */
  public Money available(Customer customer, Currency currency) {
    Money credit =
        unapplied(EVERYTHING, customer.getId()).getOrDefault(currency, Money.zero(currency));
    return Money.zero(currency).minus(credit);
  }

  /**
   * The customers who have unapplied credit (as recorded) in a currency in which they also have an
   * open invoice: the ones a settlement would change.
   */
  @SuppressWarnings("unchecked")
  public List<Long> customersWithCreditToApply() {
    return ((List<Object>)
            em.createNativeQuery(
                    "select distinct u.customer_id from ("
                        + UNAPPLIED.formatted(ALLOCATED, "1 = 1")
                        + ") u where u.unapplied > 0 and exists (select 1 from invoice i"
                        + " where i.customer_id = u.customer_id and i.currency = u.currency"
                        + " and i.state = 'ISSUED' and i.amount > i.allocated)"
                        + " order by u.customer_id")
                .setParameter(1, Date.valueOf(EVERYTHING))
                .getResultList())
        .stream().map(id -> ((Number) id).longValue()).toList();
  }

  private static Money money(Object amount, Object currency) {
    return new Money(new BigDecimal(amount.toString()), Currency.getInstance((String) currency));
  }
}
