package app.courtesy.charge;

/** On what terms a policy charges interest on overdue invoices. */
public enum InterestBasis {
  /** No interest. */
  NONE("No interest"),
  /**
   * EU Late Payment Directive 2011/7/EU: the EU reference rate of each half-year plus a margin of
   * at least eight percentage points, simple interest per day late; EUR 40 fixed compensation per
   * invoice in euros.
   */
  EU_DIRECTIVE("EU Late Payment Directive 2011/7/EU"),
  /**
   * UK Late Payment of Commercial Debts (Interest) Act 1998: the Bank of England base rate of the
   * debt's half-year plus eight percentage points, simple interest per day late; a fixed sum of GBP
   * 40, 70 or 100 by the size of the debt, per invoice in pounds.
   */
  UK_ACT("UK Late Payment of Commercial Debts (Interest) Act 1998"),
  /** A rate per month agreed in the contract, simple interest per day late. */
  CONTRACTUAL("Contractual rate per month");

  private final String label;

  InterestBasis(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the law sets the rate (from a reference rate) and a fixed compensation. */
  public boolean isStatutory() {
    return this == EU_DIRECTIVE || this == UK_ACT;
  }
}
