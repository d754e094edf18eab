package app.courtesy.shared;

/**
 * How far a list counts what matches: up to {@value #LIMIT}, beyond which it says "more than",
 * because counting every one of a hundred thousand or a million matching rows would cost more than
 * showing the page itself.
 */
public final class CountLimit {

  public static final int LIMIT = 10_000;

  private CountLimit() {}

  /**
   * The statement that counts the rows {@code select} finds (a {@code select 1 from … where …}), up
   * to one more than the limit.
   */
  public static String count(String select) {
    return count(select, LIMIT);
  }

  /**
   * The statement that counts the rows {@code select} finds up to one more than {@code limit}: an
   * export counts up to the rows it may write, so that its progress knows the whole.
   */
  public static String count(String select, long limit) {
    return "select count(*) from ("
        + select
        + " fetch first "
        + (limit + 1)
        + " rows only) matching";
  }

  /** Whether a count stopped at the limit: there are more than {@value #LIMIT}. */
  public static boolean reached(long count) {
    return count > LIMIT;
  }
}
