package app.courtesy.database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * On H2, keeps {@code invoice.allocated} equal to the sum of an invoice's allocations: fired for
 * every row inserted, updated or deleted in {@code payment_allocation} and {@code
 * credit_allocation} (migration {@code db/h2/V006}). PostgreSQL does the same in SQL. These
 * triggers are the column's only writers: the {@code Invoice} entity maps it read-only and no
 * application code updates it.
 */
public final class AllocatedTotalTrigger implements Trigger {

  private int invoiceId;
  private int amount;

  @Override
  public void init(
      Connection connection, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
      while (columns.next()) {
        String name = columns.getString("COLUMN_NAME");
        int index = columns.getInt("ORDINAL_POSITION") - 1;
        if (name.equalsIgnoreCase("invoice_id")) {
          invoiceId = index;
        } else if (name.equalsIgnoreCase("amount")) {
          amount = index;
        }
      }
    }
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (oldRow != null) {
      add(connection, oldRow[invoiceId], ((BigDecimal) oldRow[amount]).negate());
    }
    if (newRow != null) {
      add(connection, newRow[invoiceId], (BigDecimal) newRow[amount]);
    }
  }

  private static void add(Connection connection, Object invoice, BigDecimal amount)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("update invoice set allocated = allocated + ? where id = ?")) {
      update.setBigDecimal(1, amount);
      update.setObject(2, invoice);
      update.executeUpdate();
    }
  }
}
