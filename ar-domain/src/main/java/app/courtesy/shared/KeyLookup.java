package app.courtesy.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads the entities of a batch by their business keys in a few queries instead of one per item:
 * each query passes up to {@value #CHUNK} keys as one array parameter ({@code = any(?)}), so the
 * database parses one statement however many keys there are. The queries read the database without
 * flushing the persistence context first (a flush compares every managed entity, which a large
 * batch would pay on every query): flush before looking up keys this transaction has just written.
 */
public final class KeyLookup {

  private static final int CHUNK = 10_000;

  private KeyLookup() {}

  /**
   * The entities of {@code type} whose {@code attribute} is one of {@code keys}, by that key;
   * unknown keys are absent.
   *
   * @param attribute the entity attribute, mapped to the column of the same name in snake case
   */
  public static <E> Map<String, E> byKey(
      EntityManager em,
      Class<E> type,
      String attribute,
      Collection<String> keys,
      Function<E, String> key) {
    String sql =
        "select * from "
            + type.getAnnotation(Table.class).name()
            + " where "
            + attribute.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)
            + " = any(?1)";
    Map<String, E> found = new HashMap<>();
    inChunks(
        keys,
        chunk -> {
          @SuppressWarnings("unchecked")
          List<E> entities =
              em.createNativeQuery(sql, type)
                  .setFlushMode(FlushModeType.COMMIT)
                  .setParameter(1, chunk)
                  .getResultList();
          entities.forEach(entity -> found.put(key.apply(entity), entity));
        });
    return found;
  }

  /**
   * The rows of {@code table} whose column {@code keyColumn} is one of {@code keys}, by that key,
   * as {@code read} makes them of the row's {@code columns} (the key first): plain values, for a
   * batch that compares with what is stored without loading an entity.
   */
  public static <R> Map<String, R> rowsByKey(
      EntityManager em,
      String table,
      String keyColumn,
      String columns,
      Collection<String> keys,
      Function<Object[], R> read) {
    String sql =
        "select "
            + keyColumn
            + ", "
            + columns
            + " from "
            + table
            + " where "
            + keyColumn
            + " = any(?1)";
    Map<String, R> found = new HashMap<>();
    inChunks(
        keys,
        chunk -> {
          for (Object row :
              em.createNativeQuery(sql)
                  .setFlushMode(FlushModeType.COMMIT)
                  .setParameter(1, chunk)
                  .getResultList()) {
            Object[] values = (Object[]) row;
            found.put((String) values[0], read.apply(values));
          }
        });
    return found;
  }

  /** Hands the distinct non-null {@code keys} to {@code query}, {@value #CHUNK} at a time. */
  private static void inChunks(Collection<String> keys, Consumer<String[]> query) {
    List<String> distinct = keys.stream().filter(k -> k != null).distinct().toList();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      query.accept(
          distinct.subList(from, Math.min(from + CHUNK, distinct.size())).toArray(String[]::new));
    }
  }
}
