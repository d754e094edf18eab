package app.courtesy.shared;

import jakarta.persistence.Query;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Values of native query rows, whichever type the database's driver returns them as, and ids
 * written into a native statement.
 */
public final class SqlValues {

  private SqlValues() {}

  /** A {@code timestamp with time zone}: H2 gives an OffsetDateTime, PostgreSQL a Timestamp. */
  public static Instant instant(Object value) {
    return value instanceof OffsetDateTime at ? at.toInstant() : ((Timestamp) value).toInstant();
  }

  /** A {@code boolean}: a Boolean on H2 and PostgreSQL, a number where a driver maps it so. */
  public static boolean bool(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  /** Sets {@code parameters} as the query's positional parameters ?1, ?2, … in order. */
  public static void bind(Query query, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
  }

  /** A {@code date}, or null for SQL null. */
  public static LocalDate date(Object value) {
    return value == null ? null : ((Date) value).toLocalDate();
  }

  /**
   * An array of whole numbers ({@code bigint array}, {@code integer array}); empty for SQL null.
   */
  public static List<Long> numbers(Object value) {
    Object elements = value;
    if (value instanceof java.sql.Array array) {
      try {
        elements = array.getArray();
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read an array column", e);
      }
    }
    return elements == null
        ? List.of()
        : Arrays.stream((Object[]) elements).map(n -> ((Number) n).longValue()).toList();
  }

  /**
   * Ids written into a statement, separated by commas, for an SQL {@code in (…)} or an array
   * literal: whole numbers, so nothing needs escaping, and one statement text per list rather than
   * a parameter per id.
   */
  public static String idList(Collection<? extends Number> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
