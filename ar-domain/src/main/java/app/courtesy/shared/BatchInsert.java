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
 * Writes many new rows as batched INSERTs on the transaction's own connection, outside the
 * persistence context. Persisted as entities, the rows of a large import would stay managed until
 * the transaction ends, and every later flush or query compares each of them for changes. What the
 * transaction changed before is flushed first, so the new rows may refer to it; the rows are not
 * entities of this persistence context afterwards, so load what must be worked on further.
 */
public final class BatchInsert {

  /** The ids a sequence gives at once: every sequence steps by it, as the entities allocate. */
  private static final int ALLOCATION = 50;

  /** Rows sent per round trip (PostgreSQL's driver rewrites them as multi-row INSERTs). */
  private static final int BATCH = 1_000;

  private BatchInsert() {}

  /** Sets one row's parameters on the INSERT. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement insert, T row) throws SQLException;
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

  /** Inserts {@code rows} by {@code sql}, each bound by {@code binder}. */
  public static <T> void rows(
      EntityManager em, String sql, Collection<T> rows, Binder<? super T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    em.flush();
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int batched = 0;
      for (T row : rows) {
        binder.bind(insert, row);
        insert.addBatch();
        if (++batched % BATCH == 0) {
          insert.executeBatch();
        }
      }
      if (batched % BATCH != 0) {
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not insert " + rows.size() + " rows: " + sql, e);
    }
  }
}
