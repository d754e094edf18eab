package app.courtesy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The generator on H2, into a schema made by the application's own migrations: the book it writes
 * holds together as the ledger requires, and the same seed writes the same book.
 */
class BookGeneratorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  @Test
  void fillsAnH2LedgerWhoseTotalsAndReferencesHoldTogether() throws SQLException {
    try (Connection db = migrated("whole")) {
      new BookGenerator(db, TODAY).fill(0.42, 5_000);

      assertThat(number(db, "select count(*) from customer")).isEqualTo(500);
      assertThat(number(db, "select count(*) from invoice")).isEqualTo(5_000);
      assertThat(number(db, "select count(distinct currency) from invoice")).isEqualTo(7);
      assertThat(number(db, "select count(distinct time_zone) from customer")).isEqualTo(13);
      assertThat(
              number(
                  db,
                  "select count(*) from customer c where not exists"
                      + " (select 1 from contact k where k.customer_id = c.id)"))
          .isZero();
      // Paid invoices are paid in full by one payment each; the trigger kept the totals.
      long paid = number(db, "select count(*) from invoice where allocated = amount");
      assertThat(paid).isBetween(4_000L, 4_900L);
      assertThat(number(db, "select count(*) from payment_allocation")).isEqualTo(paid);
      assertThat(number(db, "select count(*) from invoice where allocated not in (0, amount)"))
          .isZero();
      assertThat(number(db, "select count(*) from invoice_open_item")).isEqualTo(5_000 - paid);
      assertThat(number(db, "select count(*) from dispute"))
          .isPositive()
          .isEqualTo(number(db, "select count(*) from invoice where disputed"));
      assertThat(number(db, "select count(*) from invoice where due_date < issue_date")).isZero();
    }
  }

  @Test
  void theSameSeedWritesTheSameBookAndAnotherSeedAnother() throws SQLException {
    try (Connection first = migrated("first");
        Connection second = migrated("second")) {
      new BookGenerator(first, TODAY).fill(0.42, 2_000);
      new BookGenerator(second, TODAY).fill(0.42, 2_000);
      assertThat(fingerprint(second)).isEqualTo(fingerprint(first));

      new BookGenerator(second, TODAY).fill(0.17, 2_000);
      assertThat(number(second, "select count(*) from invoice")).isEqualTo(2_000);
      assertThat(fingerprint(second)).isNotEqualTo(fingerprint(first));
    }
  }

  /** What would differ between two books: every invoice's customer, dates and amount. */
  private static String fingerprint(Connection db) throws SQLException {
    StringBuilder book = new StringBuilder();
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select c.number, i.number, i.due_date, i.amount, i.allocated from invoice i"
                    + " join customer c on c.id = i.customer_id order by i.number")) {
      while (rows.next()) {
        for (int column = 1; column <= 5; column++) {
          book.append(rows.getString(column)).append(' ');
        }
        book.append('\n');
      }
    }
    return book.toString();
  }

  private static Connection migrated(String name) throws SQLException {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/h2")
        .load()
        .migrate();
    return DriverManager.getConnection(url, "sa", "");
  }

  private static long number(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
