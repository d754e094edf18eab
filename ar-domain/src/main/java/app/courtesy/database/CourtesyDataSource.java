package app.courtesy.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source class named by the application's {@code @DataSourceDefinition}: it picks the
 * vendor's own data source from the JDBC URL, so operators configure one variable ({@code
 * AR_DB_URL}) and the same archive runs on embedded H2 or PostgreSQL. The server pools the
 * connections it hands out.
 */
public class CourtesyDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private DataSource vendor;

  public void setUrl(String url) {
    this.url = url;
  }

  public void setURL(String url) {
    setUrl(url);
  }

  public void setUser(String user) {
    this.user = user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  private synchronized DataSource vendor() throws SQLException {
    if (vendor == null) {
      vendor = forUrl(url, user, password);
    }
    return vendor;
  }

  static DataSource forUrl(String url, String user, String password) throws SQLException {
    if (url == null || url.isBlank()) {
      throw new SQLException("No database URL configured: set AR_DB_URL");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(url);
      postgres.setUser(user);
      postgres.setPassword(password);
      // Batched inserts (EclipseLink batch writing) go out as multi-row INSERTs.
      postgres.setReWriteBatchedInserts(true);
      return postgres;
    }
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user);
      h2.setPassword(password);
      return h2;
    }
    throw new SQLException(
        "Unsupported database URL " + url + ": use jdbc:postgresql:… or jdbc:h2:…");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return vendor().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return vendor().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Logging goes through java.util.logging.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // The vendor's default applies.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return vendor().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || vendor().isWrapperFor(type);
  }
}
