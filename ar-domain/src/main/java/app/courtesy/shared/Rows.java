package app.courtesy.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks shared by every batch input (REST arrays, CSV files): one error per item and field. Their
 * constraints are checked by {@link app.courtesy.shared.validation.InputValidator}.
 */
public final class Rows {

  private Rows() {}

  /**
   * Items whose key repeats an earlier item's key, e.g. the same invoice number twice in a file.
   */
  public static <T> List<RowError> duplicates(
      List<T> items, Function<T, String> key, String field) {
    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> first = new HashMap<>();
    for (int row = 0; row < items.size(); row++) {
      T item = items.get(row);
      String value = item == null ? null : key.apply(item);
      if (value == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(value, row);
      if (earlier != null && !Objects.equals(earlier, row)) {
        errors.add(new RowError(row, field, value + " appears twice in the input"));
      }
    }
    return errors;
  }

  /** The rows that have an error already, so later checks can pass them over. */
  public static java.util.Set<Integer> rowsIn(List<RowError> errors) {
    return errors.stream().map(RowError::row).collect(java.util.stream.Collectors.toSet());
  }

  /** Throws when there is anything to report, so that nothing of the batch is written. */
  public static void requireNone(List<RowError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRowsException(errors);
    }
  }
}
