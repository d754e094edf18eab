package app.courtesy.shared;

/**
 * How far a list counts what matches: up to {@value #LIMIT}, beyond which it says "more than",
 * because counting every one of a hundred thousand or a million matching rows would cost more than
 * showing the page itself.
 */
public final class CountLimit {

  public static final int LIMIT = 10_000;

  /**
   * How far a list counts what a search typed into it matches: four pages, "more than 100" beyond,
   * since a word that matches a hundred thousand rows is narrowed by typing on, not by paging. The
   * count is asked at every key typed, so it reads no more than those pages need.
   */
  public static final int SEARCH_LIMIT = 100;

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
}
