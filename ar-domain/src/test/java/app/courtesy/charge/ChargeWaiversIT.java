package app.courtesy.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.customer.Customer;
import app.courtesy.security.Role;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.testing.TestCharges;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestPeople;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Waiving a late-payment charge takes four eyes: a collector proposes it with a reason, another
 * person with the approver role and a limit that covers it decides; an approver may also waive one
 * directly within their limit. A waived charge is no longer asked for, and stays on the record.
 */
@ExtendWith(ArquillianExtension.class)
class ChargeWaiversIT {

  @Inject private TestCharges charged;
  @Inject private TestLedger ledger;
  @Inject private TestPeople people;
  @Inject private Charges charges;
  @Inject private ChargeWaivers waivers;
  @Inject private CommunicationLog log;

  @Test
  void aWaiverProposedByACollectorIsDecidedByAnotherApproverWithinTheirLimit() {
    Customer customer = charged.feeCharged("Quayside Provisions Ltd").customer();
    String document = charges.ofCustomer(customer.getId()).get(0).number();
    String collector = people.user(Role.COLLECTOR);
    String smallLimit = people.user(Role.APPROVER);
    String approver = people.user(Role.APPROVER);
    ledger.approvalLimit(smallLimit, "EUR", "10.00");
    ledger.approvalLimit(approver, "EUR", "500.00");

    ChargeWaivers.Row proposed =
        waivers.propose(document, "Goodwill: the invoice reached them late.", collector);

    assertThat(proposed.status()).isEqualTo(WaiverStatus.PENDING);
    assertThat(proposed.amount()).isEqualTo(Money.of("25.00", "EUR"));
    assertThat(waivers.pending()).extracting(ChargeWaivers.Row::document).contains(document);
    assertThat(charges.open(customer.getId())).containsExactly(Money.of("25.00", "EUR"));
    assertThatThrownBy(() -> waivers.propose(document, "Again", collector))
        .isInstanceOf(ChargesRefusedException.class)
        .hasMessageContaining("already waits for an approver");
    assertThatThrownBy(() -> waivers.approve(proposed.id(), proposed.version(), null, collector))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("four-eyes");
    assertThatThrownBy(() -> waivers.approve(proposed.id(), proposed.version(), null, smallLimit))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("above your approval limit");

    ChargeWaivers.Row approved =
        waivers.approve(proposed.id(), proposed.version(), "Fine.", approver);

    assertThat(approved.status()).isEqualTo(WaiverStatus.APPROVED);
    assertThat(approved.decidedBy()).isEqualTo(approver);
    ChargeView waived = charges.find(document).orElseThrow();
    assertThat(waived.status()).isEqualTo(ChargeStatus.WAIVED);
    assertThat(waived.open()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(waived.waiver().by()).isEqualTo(approver);
    assertThat(waived.waiver().amount()).isEqualTo(Money.of("25.00", "EUR"));
    assertThat(charges.open(customer.getId())).isEmpty();
    assertThat(waivers.pending()).extracting(ChargeWaivers.Row::document).doesNotContain(document);
    assertThat(notes(customer))
        .anySatisfy(note -> assertThat(note).contains("Waiver of charge " + document, collector))
        .anySatisfy(
            note ->
                assertThat(note)
                    .contains(
                        document + " (€25.00) waived: " + approver + " approved " + collector));
    assertThatThrownBy(() -> waivers.approve(proposed.id(), proposed.version(), null, approver))
        .isInstanceOf(ConcurrentChangeException.class);
  }

  @Test
  void aRejectedWaiverLeavesTheChargeOpenAndAnApproverCanWaiveDirectlyWithinTheirLimit() {
    Customer customer = charged.feeCharged("Quayside Provisions Ltd").customer();
    String document = charges.ofCustomer(customer.getId()).get(0).number();
    String collector = people.user(Role.COLLECTOR);
    String approver = people.user(Role.APPROVER);
    String noLimit = people.user(Role.APPROVER);
    ledger.approvalLimit(approver, "EUR", "100.00");
    ChargeWaivers.Row proposed = waivers.propose(document, "They asked nicely.", collector);

    ChargeWaivers.Row rejected =
        waivers.reject(proposed.id(), proposed.version(), "The contract names the fee.", approver);

    assertThat(rejected.status()).isEqualTo(WaiverStatus.REJECTED);
    assertThat(charges.find(document).orElseThrow().status()).isEqualTo(ChargeStatus.OPEN);
    assertThat(charges.open(customer.getId())).containsExactly(Money.of("25.00", "EUR"));
    assertThatThrownBy(() -> waivers.waive(document, "Mine to waive", collector))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("Only an approver");
    assertThatThrownBy(() -> waivers.waive(document, "No limit", noLimit))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("no approval limit in EUR");

    ChargeWaivers.Row direct = waivers.waive(document, "Long-standing customer.", approver);

    assertThat(direct.status()).isEqualTo(WaiverStatus.APPROVED);
    assertThat(direct.proposedBy()).isEqualTo(approver);
    assertThat(charges.find(document).orElseThrow().status()).isEqualTo(ChargeStatus.WAIVED);
    assertThat(waivers.ofCustomer(customer.getId()))
        .extracting(ChargeWaivers.Row::status)
        .containsExactly(WaiverStatus.APPROVED, WaiverStatus.REJECTED);
    assertThatThrownBy(() -> waivers.propose(document, "Again", collector))
        .isInstanceOf(ChargesRefusedException.class)
        .hasMessageContaining("nothing is open to waive");
    assertThat(notes(customer))
        .anySatisfy(note -> assertThat(note).contains("rejected by " + approver, "charge stands"))
        .anySatisfy(note -> assertThat(note).contains("waived by " + approver));
  }

  /** A customer with one open charge document: a fee of EUR 25.00 for a first reminder. */
  private List<String> notes(Customer customer) {
    return log.all(customer.getId()).stream()
        .map(logged -> logged.entry().detail())
        .filter(detail -> detail != null)
        .toList();
  }
}
