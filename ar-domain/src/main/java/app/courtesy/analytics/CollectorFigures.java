package app.courtesy.analytics;

import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each collector's work came to over a period, for the team to learn from: cases worked,
 * contacts made, promises obtained and kept, the amount collected on their cases and the median
 * days from a case's opening to its close ({@link CollectionsFigures.Figure}). Lines come in the
 * order of the collectors' names, never of a figure, with the team's line last: there is no
 * ranking.
 *
 * <pre>
 * collectorFigures.lines(from, to, eur, null);          // every collector, then the team
 * collectorFigures.lines(from, to, eur, "m.jansen");    // that collector's own line only
 * </pre>
 *
 * <p>Where the figures come from: the amount collected from {@code case_collected_day}, which the
 * daily run writes ({@link ReceivablesDays}), since summing payments over the book per view would
 * read every allocation of the period; the rest per view from the tables of the team's work, each
 * through an index on the date it is counted by (V039): the cases, the promises, and the
 * communication log's entries of people, not of reminders ({@code communication_actor_ix}). A
 * collector's cases are those assigned to them now; an amount collected counts for whoever the case
 * was assigned to on the day of the payment. The team's line counts every case, the unassigned too,
 * and the contacts of every person who signs in.
 */
@ApplicationScoped
public class CollectorFigures {

  /** The name of the team's line. */
  public static final String TEAM = "Team";

  /**
   * One collector's figures, or the team's.
   *
   * @param collector the username; {@code null} on the team's line
   * @param name the collector's name, or {@value #TEAM}
   * @param collected in the currency asked for
   * @param medianDaysToClose empty when none of the cases closed in the period
   */
  public record Line(
      String collector,
      String name,
      long casesWorked,
      long contactsMade,
      long promisesObtained,
      long promisesKept,
      long promisesBroken,
      Optional<BigDecimal> promiseKeptRate,
      Money collected,
      long casesClosed,
      Optional<BigDecimal> medianDaysToClose) {}

  private static final String COLLECTORS =
      """
      select u.username, u.display_name from app_user u
       where exists (select 1 from app_user_role r
                      where r.user_id = u.id and r.role_name = 'collector')
          or exists (select 1 from collection_case k where k.assignee_id = u.id)
      """;

  private static final String CASES_WORKED =
      """
      select u.username, count(*)
        from collection_case k left join app_user u on u.id = k.assignee_id
       where k.opened_on <= ?2 and (k.closed_on is null or k.closed_on >= ?1)
       group by u.username
      """;

  private static final String CONTACTS =
      """
      select m.actor, count(*)
        from communication m
       where m.actor in (select u.username from app_user u)
         and m.occurred_at >= ?1 and m.occurred_at < ?2
         and m.direction = 'OUT' and m.outcome in ('SENT', 'RECORDED') and m.channel <> 'NOTE'
       group by m.actor
      """;

  private static final String PROMISES_OBTAINED =
      """
      select u.username, count(*)
        from promise_to_pay p
        join collection_case k on k.id = p.case_id
        left join app_user u on u.id = k.assignee_id
       where p.recorded_at >= ?1 and p.recorded_at < ?2
       group by u.username
      """;

  private static final String PROMISES_DECIDED =
      """
      select u.username, p.status, count(*)
        from promise_to_pay p
        join collection_case k on k.id = p.case_id
        left join app_user u on u.id = k.assignee_id
       where p.decided_on >= ?1 and p.decided_on <= ?2 and p.status in ('KEPT', 'BROKEN')
       group by u.username, p.status
      """;

  private static final String COLLECTED =
      """
      select u.username, sum(d.amount)
        from case_collected_day d left join app_user u on u.id = d.collector_id
       where d.business_date >= ?1 and d.business_date <= ?2 and d.currency = ?3
       group by u.username
      """;

  private static final String CLOSED =
      """
      select u.username, k.opened_on, k.closed_on, count(*)
        from collection_case k left join app_user u on u.id = k.assignee_id
       where k.closed_on >= ?1 and k.closed_on <= ?2
       group by u.username, k.opened_on, k.closed_on
      """;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /**
   * The figures from {@code from} to {@code to} (both included; days on the organisation's clock):
   * with {@code collector} {@code null}, a line per collector by name and then the team's; with a
   * username, that collector's own line only.
   */
  public List<Line> lines(LocalDate from, LocalDate to, Currency currency, String collector) {
    Map<String, Long> worked = counts(rows(CASES_WORKED, dates(from, to)));
    OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    Map<String, Long> contacts = counts(rows(CONTACTS, List.of(start, end)));
    Map<String, Long> obtained = counts(rows(PROMISES_OBTAINED, List.of(start, end)));
    Map<String, Long> kept = new HashMap<>();
    Map<String, Long> broken = new HashMap<>();
    for (Object[] row : rows(PROMISES_DECIDED, dates(from, to))) {
      ("KEPT".equals(row[1]) ? kept : broken).put((String) row[0], ((Number) row[2]).longValue());
    }
    Map<String, BigDecimal> collected = new HashMap<>();
    List<Object> collectedParameters = new ArrayList<>(dates(from, to));
    collectedParameters.add(currency.getCurrencyCode());
    for (Object[] row : rows(COLLECTED, collectedParameters)) {
      collected.put((String) row[0], new BigDecimal(row[1].toString()));
    }
    Map<String, List<Long>> daysToClose = new HashMap<>();
    for (Object[] row : rows(CLOSED, dates(from, to))) {
      long days = ChronoUnit.DAYS.between(SqlValues.date(row[1]), SqlValues.date(row[2]));
      daysToClose
          .computeIfAbsent((String) row[0], k -> new ArrayList<>())
          .addAll(Collections.nCopies(((Number) row[3]).intValue(), days));
    }

    Map<String, String> names = new LinkedHashMap<>();
    for (Object[] row : rows(COLLECTORS, List.of())) {
      names.put((String) row[0], (String) row[1]);
    }
    List<Line> lines = new ArrayList<>();
    names.entrySet().stream()
        .filter(name -> collector == null || name.getKey().equals(collector))
        .sorted(
            Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            name -> {
              String username = name.getKey();
              long keptCount = kept.getOrDefault(username, 0L);
              long brokenCount = broken.getOrDefault(username, 0L);
              List<Long> days = daysToClose.getOrDefault(username, List.of());
              lines.add(
                  new Line(
                      username,
                      name.getValue(),
                      worked.getOrDefault(username, 0L),
                      contacts.getOrDefault(username, 0L),
                      obtained.getOrDefault(username, 0L),
                      keptCount,
                      brokenCount,
                      CollectionsFigures.promiseKeptRate(keptCount, brokenCount),
                      new Money(collected.getOrDefault(username, BigDecimal.ZERO), currency),
                      days.size(),
                      CollectionsFigures.median(days)));
            });
    if (collector == null) {
      long keptCount = sum(kept);
      long brokenCount = sum(broken);
      List<Long> days = daysToClose.values().stream().flatMap(List::stream).toList();
      lines.add(
          new Line(
              null,
              TEAM,
              sum(worked),
              sum(contacts),
              sum(obtained),
              keptCount,
              brokenCount,
              CollectionsFigures.promiseKeptRate(keptCount, brokenCount),
              new Money(
                  collected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), currency),
              days.size(),
              CollectionsFigures.median(days)));
    }
    return lines;
  }

  /**
   * The cases behind a line: the cases worked in the period, those with the most collected first,
   * at most {@code limit}.
   *
   * @param collector whose cases; {@code null} for the team's
   */
  public List<FigureItem> behind(
      LocalDate from, LocalDate to, Currency currency, String collector, int limit) {
    List<Object> parameters = new ArrayList<>(dates(from, to));
    parameters.add(currency.getCurrencyCode());
    if (collector != null) {
      parameters.add(collector);
    }
    var query =
        em.createNativeQuery(
                """
                select k.id, c.name, k.opened_on, k.closed_on, coalesce(d.collected, 0)
                  from collection_case k
                  join customer c on c.id = k.customer_id
                  left join (select case_id, sum(amount) as collected from case_collected_day
                              where business_date >= ?1 and business_date <= ?2 and currency = ?3
                              group by case_id) d on d.case_id = k.id
                 where k.opened_on <= ?2 and (k.closed_on is null or k.closed_on >= ?1)
                """
                    + (collector == null ? "" : PromiseFigures.CASES_OF.formatted(4))
                    + " order by coalesce(d.collected, 0) desc, k.id")
            .setMaxResults(limit);
    SqlValues.bind(query, parameters);
    List<FigureItem> items = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] cells = (Object[]) row;
      LocalDate opened = SqlValues.date(cells[2]);
      LocalDate closed = SqlValues.date(cells[3]);
      items.add(
          new FigureItem(
              "case",
              cells[0].toString(),
              (String) cells[1],
              PromiseFigures.money(cells[4], currency.getCurrencyCode()),
              opened,
              closed == null
                  ? "Open since " + opened
                  : "Closed on "
                      + closed
                      + " after "
                      + ChronoUnit.DAYS.between(opened, closed)
                      + " days"));
    }
    return items;
  }

  private static List<Object> dates(LocalDate from, LocalDate to) {
    return List.of(Date.valueOf(from), Date.valueOf(to));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, List<Object> parameters) {
    var query = em.createNativeQuery(sql);
    SqlValues.bind(query, parameters);
    return query.getResultList();
  }

  /** Counts by username; the unassigned cases' under {@code null}. */
  private static Map<String, Long> counts(List<Object[]> rows) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
