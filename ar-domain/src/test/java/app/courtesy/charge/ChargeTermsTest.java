package app.courtesy.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.customer.Channel;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a policy's charges may be, and what a charge document adds up to. */
class ChargeTermsTest {

  private static final List<ReminderStep> STEPS =
      List.of(
          new ReminderStep(-3, Channel.EMAIL, Tone.FRIENDLY),
          new ReminderStep(7, Channel.EMAIL, Tone.FRIENDLY),
          new ReminderStep(14, Channel.EMAIL, Tone.FIRM));

  @Test
  void sensibleTermsPass() {
    assertThat(
            ChargePolicies.problems(
                new ChargeTerms(
                    InterestBasis.EU_DIRECTIVE,
                    new BigDecimal("9"),
                    null,
                    true,
                    true,
                    List.of(new ChargeTerms.StepFee(3, "EUR", new BigDecimal("5.00")))),
                STEPS))
        .isEmpty();
    assertThat(ChargePolicies.problems(ChargeTerms.none(), STEPS)).isEmpty();
  }

  @Test
  void everyProblemIsNamedWithItsField() {
    assertThat(
            ChargePolicies.problems(
                new ChargeTerms(
                    InterestBasis.EU_DIRECTIVE,
                    new BigDecimal("7.5"),
                    null,
                    false,
                    false,
                    List.of(
                        new ChargeTerms.StepFee(1, "EUR", new BigDecimal("5.00")),
                        new ChargeTerms.StepFee(4, "EUR", new BigDecimal("5.00")),
                        new ChargeTerms.StepFee(2, "XAU", new BigDecimal("5.00")),
                        new ChargeTerms.StepFee(3, "JPY", new BigDecimal("5.5")))),
                STEPS))
        .containsExactly(
            "margin: the Directive's margin over the reference rate is at least 8 percentage"
                + " points",
            "fees[0].step: step 1 comes before the invoice is late; a fee is for reminders of"
                + " overdue invoices",
            "fees[1].step: the policy has steps 1 to 3",
            "fees[2].currency: is not a currency invoices are written in; use one such as EUR or"
                + " USD",
            "fees[3].amount: 5.5 has decimal places, but JPY amounts are whole numbers (0 decimal"
                + " places)");
    assertThat(
            ChargePolicies.problems(
                new ChargeTerms(InterestBasis.CONTRACTUAL, null, null, true, false, List.of()),
                STEPS))
        .containsExactly(
            "monthlyRate: give the contractual rate in percent per month, such as 1",
            "compensation: the fixed compensation comes with the Late Payment Directive or the"
                + " UK Act; choose one of them as the interest");
  }

  @Test
  void aDocumentAddsUpItsLinesAndSettlesAndWaivesWhatIsOpen() {
    ChargeDocument document =
        new ChargeDocument(1L, "EUR", LocalDate.of(2026, 4, 16), 1L, 7L, OffsetDateTime.now());
    document.add(ChargeLine.fee(7L, 2, new BigDecimal("5.00")));
    document.add(ChargeLine.compensation(9L, new BigDecimal("10000.00"), new BigDecimal("40.00")));

    assertThat(document.getTotal()).isEqualTo(Money.of("45.00", "EUR"));
    document.settle(new BigDecimal("20.00"));
    assertThat(document.getOpen()).isEqualTo(Money.of("25.00", "EUR"));
    assertThat(document.getStatus()).isEqualTo(ChargeStatus.OPEN);
    assertThatThrownBy(() -> document.settle(new BigDecimal("25.01")))
        .isInstanceOf(IllegalArgumentException.class);

    document.waive("approver", "A loyal customer's first late payment", OffsetDateTime.now());

    assertThat(document.getStatus()).isEqualTo(ChargeStatus.WAIVED);
    assertThat(document.getWaivedAmount()).contains(Money.of("25.00", "EUR"));
    assertThat(document.getOpen()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(ChargeDocument.numberOf(51)).isEqualTo("CHG-0000051");
  }
}
