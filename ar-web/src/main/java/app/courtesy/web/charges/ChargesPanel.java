package app.courtesy.web.charges;

import app.courtesy.charge.ChargeStatus;
import app.courtesy.charge.ChargeView;
import app.courtesy.charge.ChargeWaivers;
import app.courtesy.charge.Charges;
import app.courtesy.shared.Money;
import app.courtesy.web.Formats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backs the Charges panel of the customer and case pages ({@code
 * WEB-INF/includes/customer-charges.xhtml}) and the charges' rows of their balance: each customer's
 * documents read once per request.
 */
@Named
@RequestScoped
public class ChargesPanel {

  @Inject private Charges charges;
  @Inject private ChargeWaivers waivers;
  @Inject private Formats formats;

  private final Map<Long, List<ChargeView>> documents = new HashMap<>();
  private final Map<Long, List<Money>> open = new HashMap<>();
  private Map<String, ChargeWaivers.Row> pendingWaivers;

  /** The customer's charge documents, newest first. */
  public List<ChargeView> documents(long customerId) {
    return documents.computeIfAbsent(customerId, charges::ofCustomer);
  }

  /** What the customer's open charges come to, per currency. */
  public List<Money> open(long customerId) {
    return open.computeIfAbsent(customerId, charges::open);
  }

  /** The waiver of the document that waits for an approver; null when none does. */
  public ChargeWaivers.Row pendingWaiver(ChargeView document) {
    if (pendingWaivers == null) {
      pendingWaivers =
          waivers.pending().stream()
              .collect(Collectors.toMap(ChargeWaivers.Row::document, Function.identity()));
    }
    return pendingWaivers.get(document.number());
  }

  /** The line's figures in a phrase: "19 days on €10,000.00 at 10.15 % (reference rate 2.15 %)". */
  public String basis(ChargeView.Line line) {
    String on = line.base() == null ? "" : formats.money(line.base());
    return switch (line.kind()) {
      case INTEREST ->
          line.days()
              + (line.days() == 1 ? " day on " : " days on ")
              + on
              + " at "
              + percent(line.rate())
              + (line.referenceRate() == null
                  ? " (contractual)"
                  : " (reference rate " + percent(line.referenceRate()) + ")");
      case COMPENSATION -> "late debt " + on;
      case FEE -> line.step() == null ? "" : "reminder step " + line.step();
      case CORRECTION -> line.note() == null ? "" : line.note();
    };
  }

  private static String percent(java.math.BigDecimal rate) {
    return rate == null ? "" : rate.stripTrailingZeros().toPlainString() + " %";
  }

  /** The badge's style for a document's status. */
  public String badge(ChargeView document) {
    if (document.status() == ChargeStatus.SETTLED) {
      return "badge-ok";
    }
    return document.status() == ChargeStatus.WAIVED ? "badge-muted" : "badge-warn";
  }

  /** A document's status in words: open, paid, waived; a credit applied or to apply. */
  public String status(ChargeView document) {
    return switch (document.status()) {
      case OPEN -> document.credit() ? "Credit to apply" : "Open";
      case SETTLED -> document.credit() ? "Credit applied" : "Settled";
      case WAIVED -> "Waived";
    };
  }

  /** What settled the document, in a phrase per settlement. */
  public String settledBy(ChargeView document) {
    return String.join("; ", document.settlements().stream().map(document::settledBy).toList());
  }
}
