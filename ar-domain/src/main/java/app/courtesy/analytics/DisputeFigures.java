package app.courtesy.analytics;

import app.courtesy.collection.DisputeReason;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Disputes by reason over a period: opened, resolved, open now, and how long those resolved took
 * ({@link CollectionsFigures.Figure#DISPUTE_RESOLUTION_DAYS}). Read per view from the dispute table
 * through its indexes on the opening and the resolution (V039): disputes grow with the team's work,
 * not with the book. Days are those of the organisation's clock.
 *
 * <pre>
 * disputeFigures.byReason(from, to);   // one line per reason, in the reasons' order
 * </pre>
 */
@ApplicationScoped
public class DisputeFigures {

  /**
   * One reason's figures.
   *
   * @param openNow open today, whenever opened
   * @param medianDays of the disputes resolved in the period; empty when none was
   * @param meanDays likewise
   */
  public record Reason(
      DisputeReason reason,
      long opened,
      long resolved,
      long openNow,
      Optional<BigDecimal> medianDays,
      Optional<BigDecimal> meanDays) {}

  private static final String OPENED =
      "select reason, count(*) from dispute where opened_at >= ?1 and opened_at < ?2"
          + " group by reason";

  private static final String OPEN_NOW =
      "select reason, count(*) from dispute where resolution is null group by reason";

  private static final String RESOLVED =
      "select reason, opened_at, resolved_at from dispute"
          + " where resolved_at >= ?1 and resolved_at < ?2";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /** Every reason, with its figures from {@code from} to {@code to} (both included). */
  @SuppressWarnings("unchecked")
  public List<Reason> byReason(LocalDate from, LocalDate to) {
    ZoneId zone = clock.getZone();
    OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    Map<DisputeReason, Long> opened =
        counts(
            em.createNativeQuery(OPENED)
                .setParameter(1, start)
                .setParameter(2, end)
                .getResultList());
    Map<DisputeReason, Long> openNow = counts(em.createNativeQuery(OPEN_NOW).getResultList());
    Map<DisputeReason, List<Long>> days = new EnumMap<>(DisputeReason.class);
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(RESOLVED)
                .setParameter(1, start)
                .setParameter(2, end)
                .getResultList()) {
      days.computeIfAbsent(DisputeReason.valueOf((String) row[0]), r -> new ArrayList<>())
          .add(
              ChronoUnit.DAYS.between(
                  SqlValues.instant(row[1]).atZone(zone).toLocalDate(),
                  SqlValues.instant(row[2]).atZone(zone).toLocalDate()));
    }
    List<Reason> reasons = new ArrayList<>();
    for (DisputeReason reason : DisputeReason.values()) {
      List<Long> resolved = days.getOrDefault(reason, List.of());
      reasons.add(
          new Reason(
              reason,
              opened.getOrDefault(reason, 0L),
              resolved.size(),
              openNow.getOrDefault(reason, 0L),
              CollectionsFigures.median(resolved),
              CollectionsFigures.mean(resolved)));
    }
    return reasons;
  }

  /**
   * The invoices behind a reason's line: its disputes opened or resolved in the period and those
   * open now, the newest first, at most {@code limit}.
   *
   * @param collector only the disputes of customers whose case is assigned to them; {@code null}
   *     for everyone's
   */
  @SuppressWarnings("unchecked")
  public List<FigureItem> behind(
      LocalDate from, LocalDate to, DisputeReason reason, String collector, int limit) {
    ZoneId zone = clock.getZone();
    var query =
        em.createNativeQuery(
                """
                select i.number, c.name, i.currency, i.amount, d.opened_at, d.resolved_at,
                       d.resolution
                  from dispute d
                  join invoice i on i.id = d.invoice_id
                  join customer c on c.id = d.customer_id
                 where d.reason = ?3
                   and ((d.opened_at >= ?1 and d.opened_at < ?2)
                        or (d.resolved_at >= ?1 and d.resolved_at < ?2) or d.resolution is null)
                """
                    + (collector == null
                        ? ""
                        : " and exists (select 1 from collection_case k"
                            + " where k.customer_id = d.customer_id"
                            + PromiseFigures.CASES_OF.formatted(4)
                            + ")")
                    + " order by d.opened_at desc")
            .setParameter(1, from.atStartOfDay(zone).toOffsetDateTime())
            .setParameter(2, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
            .setParameter(3, reason.name())
            .setMaxResults(limit);
    if (collector != null) {
      query.setParameter(4, collector);
    }
    List<FigureItem> items = new ArrayList<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      LocalDate opened = SqlValues.instant(row[4]).atZone(zone).toLocalDate();
      String note = "Open since " + opened;
      if (row[5] != null) {
        String resolution = (String) row[6];
        LocalDate resolved = SqlValues.instant(row[5]).atZone(zone).toLocalDate();
        note =
            resolution.charAt(0)
                + resolution.substring(1).toLowerCase()
                + " on "
                + resolved
                + " after "
                + ChronoUnit.DAYS.between(opened, resolved)
                + " days";
      }
      items.add(
          new FigureItem(
              "invoice",
              (String) row[0],
              (String) row[1],
              PromiseFigures.money(row[3], row[2]),
              opened,
              note));
    }
    return items;
  }

  private static Map<DisputeReason, Long> counts(List<Object[]> rows) {
    Map<DisputeReason, Long> counts = new EnumMap<>(DisputeReason.class);
    for (Object[] row : rows) {
      counts.put(DisputeReason.valueOf((String) row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }
}
