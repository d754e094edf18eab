package app.courtesy.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes many rows as batched statements on the transaction's own connection, outside the
 * persistence context: new rows as INSERTs, or one UPDATE per row. Persisted as entities, the rows
 * of a large import would stay managed until the transaction ends, and every later flush or query
 * compares each of them for changes. What the transaction changed before is flushed first, so the
 * new rows may refer to it; the rows are not entities of this persistence context afterwards, so
 * load what must be worked on further.
 */
public final class BatchWrite {

  /** The ids a sequence gives at once: every sequence steps by it, as the entities allocate. */
  private static final int ALLOCATION = 50;

  /**
   * Rows sent per round trip (PostgreSQL's driver rewrites INSERTs as multi-row ones, and sends the
   * UPDATEs at once).
   */
  private static final int BATCH = 1_000;

  private BatchWrite() {}

  /** Sets one row's parameters on the statement. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /**
   * {@code count} new ids from {@code sequence}, in one statement: each value of the sequence is
   * the last of a block of {@value #ALLOCATION}, as the persistence provider reads it, so these
   * never meet the ids it gives entities.
   */
  public static List<Long> ids(EntityManager em, String sequence, int count) {
    List<Long> ids = new ArrayList<>(count);
    if (count == 0) {
      return ids;
    }
    for (Object last :
        em.createNativeQuery("select nextval('" + sequence + "') from generate_series(1, ?1)")
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter(1, (count + ALLOCATION - 1) / ALLOCATION)
            .getResultList()) {
      long first = ((Number) last).longValue() - ALLOCATION + 1;
      for (int i = 0; i < ALLOCATION && ids.size() < count; i++) {
        ids.add(first + i);
      }
    }
    return ids;
  }

  /**
   * Writes {@code rows} by {@code sql}, each bound by {@code binder}.
   *
   * @return the rows each statement changed, in the order of {@code rows}
   */
  public static <T> int[] rows(
      EntityManager em, String sql, Collection<T> rows, Binder<? super T> binder) {
    int[] changed = new int[rows.size()];
    if (rows.isEmpty()) {
      return changed;
    }
    em.flush();
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int batched = 0;
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
        batched++;
        if (batched % BATCH == 0 || batched == changed.length) {
          int[] counts = statement.executeBatch();
          System.arraycopy(counts, 0, changed, batched - counts.length, counts.length);
        }
      }
      return changed;
    } catch (SQLException e) {
      throw new PersistenceException("Could not write " + rows.size() + " rows: " + sql, e);
    }
  }
}
