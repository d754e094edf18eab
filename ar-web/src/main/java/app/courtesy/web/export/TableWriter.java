package app.courtesy.web.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes a list as a table, one row at a time: a header row, then rows whose cells are text ({@link
 * String}), amounts ({@link java.math.BigDecimal}), counts ({@link Integer}, {@link Long}), dates
 * ({@link java.time.LocalDate}) or empty ({@code null}). Closing it finishes the file.
 */
public interface TableWriter extends AutoCloseable {

  void row(List<?> cells) throws IOException;

  @Override
  void close() throws IOException;
}
