package app.courtesy.charge;

/** The central-bank rates statutory interest is reckoned from; an administrator keeps them. */
public enum ReferenceRateKind {
  /**
   * The EU reference rate: the rate the European Central Bank applies to its main refinancing
   * operations. Under the Late Payment Directive the rate in force on the first calendar day of a
   * half-year (1 January, 1 July) applies for that half-year.
   */
  EU_REFERENCE("EU reference rate (ECB main refinancing operations)"),
  /**
   * The Bank of England base rate (official dealing rate). Under the UK Act the rate in force on 31
   * December applies to interest that starts to run from 1 January to 30 June, the rate in force on
   * 30 June to interest that starts to run from 1 July to 31 December.
   */
  UK_BASE("Bank of England base rate");

  private final String label;

  ReferenceRateKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
