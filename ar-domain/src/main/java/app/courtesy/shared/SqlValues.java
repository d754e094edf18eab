package app.courtesy.shared;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values of native query rows, whichever type the database's driver returns them as. */
public final class SqlValues {

  private SqlValues() {}

  /** A {@code timestamp with time zone}: H2 gives an OffsetDateTime, PostgreSQL a Timestamp. */
  public static Instant instant(Object value) {
    return value instanceof OffsetDateTime at ? at.toInstant() : ((Timestamp) value).toInstant();
  }

  /** A {@code date}, or null for SQL null. */
  public static LocalDate date(Object value) {
    return value == null ? null : ((Date) value).toLocalDate();
  }
}
