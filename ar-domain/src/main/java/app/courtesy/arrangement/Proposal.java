package app.courtesy.arrangement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An arrangement as a collector proposes it. Which fields count depends on the kind: a plan takes
 * either {@code instalments} written by hand or {@code count}, {@code firstDate} and {@code
 * frequency} to generate them; an extension its {@code newDueDate}; a discount its {@code
 * discountPercent} and {@code payBy}.
 *
 * @param invoiceNumbers the open invoices it covers, all in one currency
 * @param reason why, for the approver
 */
public record Proposal(
    ArrangementKind kind,
    List<String> invoiceNumbers,
    String reason,
    Integer count,
    LocalDate firstDate,
    Frequency frequency,
    List<InstalmentLine> instalments,
    LocalDate newDueDate,
    BigDecimal discountPercent,
    LocalDate payBy) {

  /** Whether the plan's instalments were written by hand rather than generated. */
  public boolean handWritten() {
    return instalments != null && !instalments.isEmpty();
  }
}
