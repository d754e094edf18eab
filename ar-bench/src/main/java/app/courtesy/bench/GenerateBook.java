package app.courtesy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Replaces the ledger of a stopped Courtesy's database with a generated book, and measures nothing:
 * {@code ./courtesy generate} runs it on the quick start's H2 database, so the workbench can be
 * tried at scale. Users and settings stay. The database and the scale come from the same {@code
 * -Dbench.…} properties as the benchmark's ({@link Settings}).
 */
public final class GenerateBook {

  private GenerateBook() {}

  public static void main(String[] args) throws SQLException {
    Settings settings = Settings.fromSystemProperties();
    Connection db;
    try {
      db =
          DriverManager.getConnection(
              settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    } catch (SQLException e) {
      System.err.println(
          "Cannot open "
              + settings.databaseUrl()
              + " ("
              + e.getMessage().lines().findFirst().orElse("")
              + "). If Courtesy is running on it, stop it first: ./courtesy stop");
      System.exit(1);
      return;
    }
    try (db) {
      if (!hasSchema(db)) {
        System.err.println(
            "The database "
                + settings.databaseUrl()
                + " holds no Courtesy schema yet. Start Courtesy on it once (./courtesy start),"
                + " stop it (./courtesy stop), then generate.");
        System.exit(1);
      }
      BookGenerator book = new BookGenerator(db, LocalDate.now());
      book.requireBenchDatabase();
      System.out.printf(
          Locale.ROOT,
          "Replacing the book of %s with %,d generated invoices%n",
          settings.databaseUrl(),
          settings.invoices());
      System.out.println(book.fill(settings.seed(), settings.invoices()));
      if (settings.databaseUrl().startsWith("jdbc:h2:")) {
        // H2 grows its file by every version a row had while the book went in; compacting it
        // gives that space back (and closes the database).
        long started = System.nanoTime();
        try (Statement statement = db.createStatement()) {
          statement.execute("shutdown compact");
        }
        System.out.printf(
            Locale.ROOT, "Database compacted in %.1f s.%n", (System.nanoTime() - started) / 1e9);
      }
    }
  }

  /** Whether the application has created its tables here (it does so when it first starts). */
  private static boolean hasSchema(Connection db) throws SQLException {
    for (String name : new String[] {"invoice", "INVOICE"}) {
      try (ResultSet tables = db.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
