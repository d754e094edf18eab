package app.courtesy.arrangement;

import static app.courtesy.shared.SqlValues.instant;

import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

/**
 * The approvers' inbox: arrangements in one status (pending ones by default), paged and sorted in
 * the database, oldest proposal first.
 */
@ApplicationScoped
public class ArrangementInbox {

  /** One line of the inbox. */
  public record Row(
      long id,
      long caseId,
      String customerNumber,
      String customerName,
      ArrangementKind kind,
      ArrangementStatus status,
      Money covered,
      String proposedBy,
      OffsetDateTime proposedAt,
      String decidedBy) {}

  /** Columns the inbox sorts by. */
  public enum Sort {
    PROPOSED_AT("a.proposed_at"),
    CUSTOMER("c.name"),
    COVERED("a.covered"),
    KIND("a.kind"),
    PROPOSER("a.proposed_by");

    private final String column;

    Sort(String column) {
      this.column = column;
    }
  }

  private static final String FROM =
      " from arrangement a join customer c on c.id = a.customer_id where a.status = ?1";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public long count(ArrangementStatus status) {
    return ((Number)
            em.createNativeQuery("select count(*)" + FROM)
                .setParameter(1, status.name())
                .getSingleResult())
        .longValue();
  }

  public List<Row> page(
      ArrangementStatus status, Sort sort, boolean ascending, int first, int size) {
    return ((List<?>)
            em.createNativeQuery(
                    "select a.id, a.case_id, c.number, c.name, a.kind, a.status, a.currency,"
                        + " a.covered, a.proposed_by, a.proposed_at, a.decided_by"
                        + FROM
                        + " order by "
                        + sort.column
                        + (ascending ? " asc" : " desc")
                        + ", a.id offset ?2 rows fetch next ?3 rows only")
                .setParameter(1, status.name())
                .setParameter(2, first)
                .setParameter(3, size)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new Row(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        (String) row[2],
                        (String) row[3],
                        ArrangementKind.valueOf((String) row[4]),
                        ArrangementStatus.valueOf((String) row[5]),
                        new Money(
                            new BigDecimal(row[7].toString()),
                            Currency.getInstance((String) row[6])),
                        (String) row[8],
                        OffsetDateTime.ofInstant(instant(row[9]), ZoneOffset.UTC),
                        (String) row[10]))
            .toList();
  }
}
