package app.courtesy.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * On H2, keeps the communication log append-only: fired before every update or delete statement on
 * {@code communication} (migration {@code db/h2/V015}), it refuses the statement, so nothing
 * written to the log is changed or removed. PostgreSQL does the same in SQL.
 */
public final class AppendOnlyTrigger implements Trigger {

  /** The SQL state PostgreSQL gives the same refusal: insufficient privilege. */
  private static final String REFUSED = "42501";

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "the communication log is append-only: its entries are never changed or removed."
            + " Record a correction as a new entry.",
        REFUSED);
  }
}
