package app.courtesy.communication;

import java.util.List;

/**
 * What a check of every customer's communication log found.
 *
 * @param customers the customers whose log has at least one entry: every one was checked
 * @param entries the entries checked
 * @param broken the customers whose chain is broken, in the order of their ids
 */
public record Verification(long customers, long entries, List<Broken> broken) {

  /**
   * A customer's chain that no longer holds.
   *
   * @param seq the first entry, oldest first, whose content or link no longer matches its hash
   */
  public record Broken(long customerId, String customerNumber, int seq) {}

  /** Whether every entry of every log still matches its hash. */
  public boolean intact() {
    return broken.isEmpty();
  }
}
