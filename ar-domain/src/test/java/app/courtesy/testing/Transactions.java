package app.courtesy.testing;

import jakarta.transaction.UserTransaction;
import java.util.concurrent.Callable;

/**
 * A test's own reads and writes in a transaction of their own: an entity manager used outside one
 * would be shared with the threads a test starts, which take its request's context with them.
 */
public final class Transactions {

  private Transactions() {}

  public static <T> T in(UserTransaction transaction, Callable<T> work) throws Exception {
    transaction.begin();
    try {
      T result = work.call();
      transaction.commit();
      return result;
    } catch (Exception e) {
      transaction.rollback();
      throw e;
    }
  }
}
