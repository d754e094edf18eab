package app.courtesy.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a schedule sent with an invoice becomes, and how a wrong one is refused. */
class PaymentScheduleTest {

  private static final LocalDate ISSUED = LocalDate.of(2026, 5, 5);

  @Test
  void fiftyFiftyOnTermsOfFiveAndTenDays() {
    List<Instalment> instalments =
        PaymentSchedule.instalments(
            invoice(
                "1000.00",
                "EUR",
                ISSUED.plusDays(10),
                List.of(InstalmentData.terms(5, "50"), InstalmentData.terms(10, "50"))));

    assertThat(instalments)
        .extracting(
            Instalment::getNumber, Instalment::getDueDate, i -> i.getAmount().toPlainString())
        .containsExactly(
            tuple(1, LocalDate.of(2026, 5, 10), "500.00"),
            tuple(2, LocalDate.of(2026, 5, 15), "500.00"));
  }

  @Test
  void centsLeftOverGoWhereRoundingTookMostTheEarlierOnATieAndAddUpExactly() {
    List<Instalment> thirds =
        PaymentSchedule.instalments(
            invoice(
                "100.00",
                "EUR",
                ISSUED.plusDays(90),
                List.of(
                    InstalmentData.terms(30, "33.3333"),
                    InstalmentData.terms(60, "33.3333"),
                    InstalmentData.terms(90, "33.3334"))));

    assertThat(thirds)
        .extracting(i -> i.getAmount().toPlainString())
        .containsExactly("33.33", "33.33", "33.34");
    List<Instalment> yen =
        PaymentSchedule.instalments(
            invoice(
                "1001",
                "JPY",
                ISSUED.plusDays(20),
                List.of(InstalmentData.terms(10, "50"), InstalmentData.terms(20, "50"))));
    assertThat(yen).extracting(i -> i.getAmount().toPlainString()).containsExactly("501", "500");
  }

  @Test
  void paymentsSettleTheInstalmentsInDateOrder() {
    List<Instalment> instalments =
        PaymentSchedule.instalments(
            invoice(
                "1000.00",
                "EUR",
                ISSUED.plusDays(30),
                List.of(
                    InstalmentData.on(ISSUED.plusDays(10), "300.00"),
                    InstalmentData.on(ISSUED.plusDays(30), "700.00"))));
    BigDecimal paid = new BigDecimal("400.00");

    assertThat(instalments)
        .extracting(i -> i.open(paid).toPlainString())
        .containsExactly("0", "600.00");
    assertThat(instalments)
        .extracting(i -> i.open(BigDecimal.ZERO).toPlainString())
        .containsExactly("300.00", "700.00");
  }

  @Test
  void amountsThatDoNotAddUpToTheInvoiceAreRefused() {
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(
                    InstalmentData.on(ISSUED.plusDays(10), "300.00"),
                    InstalmentData.on(ISSUED.plusDays(30), "600.00"))))
        .containsExactly(
            tuple("schedule", "instalments add up to 900.00 EUR, the invoice to 1000.00"));
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(InstalmentData.terms(10, "50"), InstalmentData.terms(30, "40"))))
        .containsExactly(tuple("schedule", "percentages add up to 90, not 100"));
  }

  @Test
  void datesOutOfOrderBeforeTheIssueDateOrNotEndingOnTheDueDateAreRefused() {
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(
                    InstalmentData.on(ISSUED.plusDays(30), "500.00"),
                    InstalmentData.on(ISSUED.plusDays(10), "500.00"))))
        .extracting(e -> e.toList().get(0))
        .containsExactly("schedule[1]");
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(
                    InstalmentData.on(ISSUED.minusDays(1), "500.00"),
                    InstalmentData.on(ISSUED.plusDays(30), "500.00"))))
        .containsExactly(
            tuple("schedule[0]", "falls due on 2026-05-04, before the issue date 2026-05-05"));
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(InstalmentData.terms(10, "50"), InstalmentData.terms(20, "50"))))
        .containsExactly(
            tuple(
                "schedule[1]",
                "falls due on 2026-05-25: the last instalment falls due on the invoice's due date"
                    + " 2026-06-04"));
  }

  @Test
  void badInputIsNamedByItsField() {
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(
                    new InstalmentData(ISSUED.plusDays(10), 10, new BigDecimal("500"), null),
                    new InstalmentData(
                        ISSUED.plusDays(30), null, new BigDecimal("500"), BigDecimal.TEN))))
        .containsExactly(
            tuple("schedule[0]", "give either dueDate or days (after the issue date), not both"),
            tuple("schedule[1]", "give either amount or percent (of the invoice), not both"));
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(
                    InstalmentData.on(ISSUED.plusDays(10), "500.001"),
                    InstalmentData.on(ISSUED.plusDays(30), "499.999"))))
        .extracting(e -> e.toList().get(0))
        .containsExactly("schedule[0].amount", "schedule[1].amount");
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(InstalmentData.on(ISSUED.plusDays(30), "1000"))))
        .extracting(e -> e.toList().get(0))
        .containsExactly("schedule");
    assertThat(
            problems(
                "1000.00",
                ISSUED.plusDays(30),
                List.of(
                    InstalmentData.terms(10, "50"), InstalmentData.on(ISSUED.plusDays(30), "500"))))
        .containsExactly(
            tuple("schedule", "give every instalment an amount, or every one a percent"));
    assertThatThrownBy(
            () ->
                PaymentSchedule.instalments(
                    invoice(
                        "1000.00",
                        "EUR",
                        ISSUED.plusDays(30),
                        List.of(InstalmentData.terms(10, "50"), InstalmentData.terms(30, "40")))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noScheduleIsAnInvoiceDueAtOnce() {
    assertThat(PaymentSchedule.instalments(invoice("10.00", "EUR", ISSUED, null))).isEmpty();
    assertThat(PaymentSchedule.instalments(invoice("10.00", "EUR", ISSUED, List.of()))).isEmpty();
  }

  private static List<org.assertj.core.groups.Tuple> problems(
      String amount, LocalDate due, List<InstalmentData> schedule) {
    return PaymentSchedule.problems(3, invoice(amount, "EUR", due, schedule)).stream()
        .peek(e -> assertThat(e.row()).isEqualTo(3))
        .map(e -> tuple(e.field(), e.message()))
        .toList();
  }

  private static InvoiceData invoice(
      String amount, String currency, LocalDate due, List<InstalmentData> schedule) {
    return new InvoiceData(
        "erp-1",
        "INV-1",
        "C-1",
        ISSUED,
        due,
        currency,
        new BigDecimal(amount),
        null,
        null,
        null,
        null,
        schedule);
  }
}
