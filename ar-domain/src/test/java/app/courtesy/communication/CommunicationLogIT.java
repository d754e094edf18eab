package app.courtesy.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.courtesy.communication.CommunicationLog.Logged;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.importing.CsvTable;
import app.courtesy.invoice.Invoice;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestLog;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The communication log as evidence: the database keeps it append-only, a change made around that
 * guard is found by the verification of every log, and a customer's dossier carries the whole log
 * in order with the verdict on its chain.
 */
@ExtendWith(ArquillianExtension.class)
class CommunicationLogIT {

  /** 2026-03-02, a Monday: 08:00 in Zurich. */
  private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T07:00:00Z");

  @Inject private CommunicationLog log;
  @Inject private Dossiers dossiers;
  @Inject private TestLedger ledger;
  @Inject private TestLog testLog;

  @Test
  void theDatabaseRefusesToChangeAnEntry() {
    Customer customer = customerWithThreeEmails();

    assertThatThrownBy(() -> testLog.update(customer, 2, "We never wrote to you."))
        .hasStackTraceContaining("the communication log is append-only");

    assertThat(log.all(customer.getId()))
        .extracting(l -> l.entry().body())
        .containsExactly("First reminder.", "Second reminder.", "Final reminder.");
    assertThat(log.firstBroken(customer.getId())).isEmpty();
  }

  @Test
  void theDatabaseRefusesToRemoveAnEntry() {
    Customer customer = customerWithThreeEmails();

    assertThatThrownBy(() -> testLog.delete(customer, 3))
        .hasStackTraceContaining("the communication log is append-only");

    assertThat(log.all(customer.getId())).extracting(Logged::seq).containsExactly(1, 2, 3);
  }

  @Test
  void aBatchOfNotesContinuesEachCustomersChainInOrder() {
    Customer emailed = customerWithThreeEmails();
    Customer fresh = ledger.customer("Kowalski Transport", "PLN");
    Instant noon = MONDAY_MORNING.plusSeconds(86_400 * 21 + 4 * 3_600);

    testLog.notes(
        List.of(
            Entry.note(fresh.getId(), noon, "erp", "Disputed K-1 (from the ERP)."),
            Entry.note(emailed.getId(), noon, "erp", "Disputed W-7 (from the ERP)."),
            Entry.note(fresh.getId(), noon, "erp", "Dispute on K-1 cleared in the ERP.")));

    assertThat(log.all(emailed.getId()))
        .extracting(Logged::seq, l -> l.entry().channel(), l -> l.entry().detail())
        .containsExactly(
            tuple(1, Channel.EMAIL, "250 OK"),
            tuple(2, Channel.EMAIL, "250 OK"),
            tuple(3, Channel.EMAIL, "250 OK"),
            tuple(4, Channel.NOTE, "Disputed W-7 (from the ERP)."));
    assertThat(log.all(fresh.getId()))
        .extracting(Logged::seq, l -> l.entry().detail())
        .containsExactly(
            tuple(1, "Disputed K-1 (from the ERP)."),
            tuple(2, "Dispute on K-1 cleared in the ERP."));
    assertThat(log.firstBroken(emailed.getId())).isEmpty();
    assertThat(log.firstBroken(fresh.getId())).isEmpty();
  }

  @Test
  void verificationNamesTheCustomerAndTheFirstEntryChangedAroundTheGuard() {
    Customer untouched = customerWithThreeEmails();
    Customer tampered = customerWithThreeEmails();

    testLog.tamper(tampered, 2, "We never wrote to you.");

    Verification verification = log.verify();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.broken())
        .contains(new Verification.Broken(tampered.getId(), tampered.getNumber(), 2))
        .noneMatch(b -> b.customerId() == untouched.getId());
    assertThat(verification.customers()).isGreaterThanOrEqualTo(2);
    assertThat(verification.entries()).isGreaterThanOrEqualTo(6);
    // Read two entries at a time, a customer's log spans pages: the finding is the same.
    assertThat(log.verify(2)).isEqualTo(verification);
  }

  @Test
  void theDossierPdfListsTheCustomerTheInvoicesAndEveryEntryInOrder() throws Exception {
    Customer customer = customerWithThreeEmails();
    Invoice invoice = ledger.invoice(customer, LocalDate.of(2026, 2, 27), "1250.00");

    byte[] pdf = dossiers.of(customer.getNumber()).pdf();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(customer.getNumber(), "Weber & Söhne GmbH", "Europe/Zurich")
          .contains(invoice.getNumber() + "  open  issued 2026-01-28  due 2026-02-27  1250.00 CHF")
          .containsSubsequence(
              "#1  2026-03-02T07:00:00Z UTC  (2026-03-02 08:00:00 +01:00 local)",
              "Friendly reminder",
              "First reminder.",
              "#2  2026-03-09T07:00:00Z UTC",
              "Second reminder.",
              "#3  2026-03-16T07:00:00Z UTC",
              "Final reminder.",
              "Chain verified")
          .contains("intact, all 3 entries match their hashes");
    }
  }

  @Test
  void theDossierCsvParsesBackRecordForRecord() {
    Customer customer = customerWithThreeEmails();
    testLog.email(
        customer,
        MONDAY_MORNING.plusSeconds(86_400 * 21),
        "Re: \"invoice\", again",
        "Line one, with a comma\nline \"two\"");
    Invoice invoice = ledger.invoice(customer, LocalDate.of(2026, 2, 27), "1250.00");
    testLog.tamper(customer, 2, "We never wrote to you.");

    CsvTable csv = CsvTable.parse(dossiers.of(customer.getNumber()).csv());

    assertThat(csv.header()).startsWith("record", "number", "name", "country", "time_zone");
    assertThat(records(csv, "customer"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .startsWith(
                        "customer",
                        customer.getNumber(),
                        "Weber & Söhne GmbH",
                        "CH",
                        "Europe/Zurich"));
    assertThat(records(csv, "invoice"))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i)
                    .startsWith(
                        "invoice",
                        invoice.getNumber(),
                        "2026-01-28",
                        "2026-02-27",
                        "1250.00",
                        "1250.00",
                        "CHF",
                        "OPEN"));
    List<List<String>> entries = records(csv, "entry");
    assertThat(entries).extracting(e -> e.get(1)).containsExactly("1", "2", "3", "4");
    assertThat(entries.get(0))
        .containsExactly(
            "entry",
            "1",
            "2026-03-02T07:00:00Z",
            "2026-03-02 08:00:00 +01:00",
            "EMAIL",
            "OUT",
            "dispatcher",
            "ap@weber.example",
            "Friendly reminder",
            "First reminder.",
            "SENT",
            "250 OK",
            log.all(customer.getId()).get(0).hash());
    assertThat(entries.get(3))
        .contains("Re: \"invoice\", again", "Line one, with a comma\nline \"two\"");
    assertThat(records(csv, "verification"))
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("verification", "broken", "2", "4"));
  }

  private Customer customerWithThreeEmails() {
    Customer customer = ledger.customer("Weber & Söhne GmbH", "CHF");
    testLog.email(customer, MONDAY_MORNING, "Friendly reminder", "First reminder.");
    testLog.email(
        customer, MONDAY_MORNING.plusSeconds(86_400 * 7), "Second reminder", "Second reminder.");
    testLog.email(
        customer, MONDAY_MORNING.plusSeconds(86_400 * 14), "Final reminder", "Final reminder.");
    return customer;
  }

  private static List<List<String>> records(CsvTable csv, String kind) {
    return csv.lines().stream()
        .map(CsvTable.Line::cells)
        .filter(cells -> cells.get(0).equals(kind))
        .toList();
  }
}
