package app.courtesy.charge;

import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The fixed sum the law adds once per late invoice for the costs of recovering it: EUR 40 under the
 * Directive (art. 6), GBP 40, 70 or 100 by the size of the debt under the UK Act (s. 5A). Only in
 * the law's own currency: Courtesy never converts amounts.
 */
public final class FixedCompensation {

  private static final BigDecimal THOUSAND = new BigDecimal("1000");
  private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

  private FixedCompensation() {}

  /**
   * The sum for a late debt of {@code debt} (what was open when interest started to run), if {@code
   * basis} gives one in the debt's currency.
   */
  public static Optional<Money> of(InterestBasis basis, Money debt) {
    String currency = debt.currency().getCurrencyCode();
    if (basis == InterestBasis.EU_DIRECTIVE && currency.equals("EUR")) {
      return Optional.of(Money.of("40.00", "EUR"));
    }
    if (basis == InterestBasis.UK_ACT && currency.equals("GBP")) {
      BigDecimal amount = debt.amount();
      String sum =
          amount.compareTo(THOUSAND) < 0
              ? "40.00"
              : amount.compareTo(TEN_THOUSAND) < 0 ? "70.00" : "100.00";
      return Optional.of(Money.of(sum, "GBP"));
    }
    return Optional.empty();
  }
}
