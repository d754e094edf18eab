package app.courtesy.web.dashboard;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a dashboard section read and built for the figures shown (its rows, its tables, its charts'
 * JSON), kept until other figures are shown. The page asks for a table again for each of its lines
 * and columns as it renders; built once, a year by day reads and formats its figures once.
 */
final class ShownMemo implements Serializable {

  private static final long serialVersionUID = 1L;

  private DashboardBacking.Shown shown;
  private transient Map<String, Object> values;

  /** The value of {@code key} for the figures {@code now} shown, computed the first time. */
  @SuppressWarnings("unchecked")
  <T> T get(DashboardBacking.Shown now, String key, Supplier<T> compute) {
    if (values == null || !now.equals(shown)) {
      values = new HashMap<>();
      shown = now;
    }
    Object value = values.get(key);
    if (value == null) {
      value = compute.get();
      values.put(key, value);
    }
    return (T) value;
  }
}
