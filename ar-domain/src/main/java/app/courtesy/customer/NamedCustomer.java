package app.courtesy.customer;

/**
 * The customer a batch's row names by number, as stored: read as plain values ({@link
 * CustomerRepository#namedByNumber}), so a file that names sixty thousand customers and says again
 * what is stored loads none of them. Only the rows a batch writes load their customers.
 */
public record NamedCustomer(long id, String currency) {

  /** The columns {@link #of} reads, after the key (the number). */
  static final String COLUMNS = "id, currency";

  /** The customer of a row of {@link #COLUMNS}, which starts at {@code row[1]}. */
  static NamedCustomer of(Object[] row) {
    return new NamedCustomer(((Number) row[1]).longValue(), (String) row[2]);
  }
}
