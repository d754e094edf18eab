package app.courtesy.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.web.api.ApiErrors.Unexpected;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

  @Test
  void aClosedOrRefusedConnectionUnderTheRequestIsTheDatabaseBeingUnreachable() {
    assertThat(
            Unexpected.databaseUnreachable(
                new PersistenceException(
                    new SQLException("This connection has been closed.", "08003"))))
        .isTrue();
    assertThat(
            Unexpected.databaseUnreachable(
                new RuntimeException(
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"))))
        .isTrue();
    assertThat(
            Unexpected.databaseUnreachable(
                new PersistenceException(new SQLTransientConnectionException("pool exhausted"))))
        .isTrue();
  }

  @Test
  void otherDatabaseErrorsAndBugsAreNot() {
    assertThat(
            Unexpected.databaseUnreachable(
                new PersistenceException(new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(Unexpected.databaseUnreachable(new SQLException("no state"))).isFalse();
    assertThat(Unexpected.databaseUnreachable(new NullPointerException())).isFalse();
  }
}
