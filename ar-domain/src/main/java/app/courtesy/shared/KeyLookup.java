package app.courtesy.shared;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads the entities of a batch by their business keys in a few queries (1,000 keys each) instead
 * of one query per item.
 */
public final class KeyLookup {

  private static final int CHUNK = 1000;

  private KeyLookup() {}

  /**
   * The entities of {@code type} whose {@code attribute} is one of {@code keys}, by that key;
   * unknown keys are absent.
   */
  public static <E> Map<String, E> byKey(
      EntityManager em,
      Class<E> type,
      String attribute,
      Collection<String> keys,
      Function<E, String> key) {
    List<String> distinct = keys.stream().filter(k -> k != null).distinct().toList();
    Map<String, E> found = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(from + CHUNK, distinct.size()));
      em.createQuery(
              "select e from " + type.getSimpleName() + " e where e." + attribute + " in :keys",
              type)
          .setParameter("keys", chunk)
          .getResultList()
          .forEach(entity -> found.put(key.apply(entity), entity));
    }
    return found;
  }
}
