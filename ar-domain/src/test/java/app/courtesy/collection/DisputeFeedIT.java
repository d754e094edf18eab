package app.courtesy.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.customer.Customer;
import app.courtesy.importing.ImportMode;
import app.courtesy.importing.ImportReport;
import app.courtesy.importing.InvoiceImport;
import app.courtesy.importing.InvoiceMapping;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.InvoiceService;
import app.courtesy.security.NewUser;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccountService;
import app.courtesy.shared.UpsertResult;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dispute belongs to its record, and the ERP's {@code disputed} is only its word: a diary of
 * disputes recorded by a collector and by the ERP, the invoice sent again by the ERP (REST upsert
 * and CSV import) the way a nightly feed does, and what the next dunning run then sends. Each test
 * has its own customer and starts on a Monday after every date any run has claimed; the default
 * policy reminds 14 days after the due date, with 2 days' grace.
 */
@ExtendWith(ArquillianExtension.class)
class DisputeFeedIT {

  @Inject private InvoiceService invoiceService;
  @Inject private InvoiceImport importer;
  @Inject private InvoiceRepository invoices;
  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private TestRuns runs;
  @Inject private CommunicationLog log;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private UserAccountService users;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private String collector;

  @BeforeEach
  void collector() {
    collector = "collector-" + tag;
    users.createUser(
        new NewUser(collector, collector, "tundra-velvet-orchard-42", Set.of(Role.COLLECTOR)),
        "test");
  }

  @Test
  void aCollectorsDisputeOutlivesTheErpSendingTheInvoiceAgainWithoutDisputed() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerOf(collector);
    InvoiceData sent = invoice(customer, "D1", monday.minusDays(20), null);
    invoiceService.upsert(List.of(sent));

    // Monday: 20 days late → a case; the customer calls, the collector records their dispute
    CollectionCase opened = reviewedCase(customer, monday);
    cases.openDispute(
        opened.getId(),
        opened.getVersion(),
        new DisputeTerms(List.of(sent.number()), DisputeReason.PRICING, "Not the quoted price"),
        collector);

    // that night the ERP sends the invoice again, as it always does, saying nothing of disputes
    UpsertResult resent = invoiceService.upsert(List.of(sent));

    assertThat(resent).isEqualTo(new UpsertResult(0, 0, 1));
    assertThat(cases.disputes(customer))
        .extracting(Dispute::isOpen, Dispute::getSource)
        .containsExactly(tuple(true, DisputeSource.COLLECTOR));
    assertThat(invoices.findByNumber(sent.number()).orElseThrow().isDisputed()).isTrue();

    // the run of the same Monday holds the invoice back: the customer hears nothing
    runs.run(monday, "test");
    assertThat(outbox.queued(customer)).isEmpty();
    assertThat(outbox.heldBack(customer))
        .extracting(TestOutbox.Held::date, TestOutbox.Held::invoice, TestOutbox.Held::reason)
        .containsExactly(tuple(monday, sent.number(), "DISPUTED"));
  }

  @Test
  void aCollectorsDisputeOutlivesTheSameFileImportedAgain() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerOf(collector);
    String number = "D2-" + tag;
    LocalDate due = monday.minusDays(20);
    byte[] withoutColumn =
        csv(
            "Invoice,Customer,Issued,Due,Amount",
            "%s,%s,%s,%s,310.00".formatted(number, customer.getNumber(), due.minusDays(30), due));
    byte[] withEmptyCells =
        csv(
            "Invoice,Customer,Issued,Due,Amount,Disputed",
            "%s,%s,%s,%s,310.00,".formatted(number, customer.getNumber(), due.minusDays(30), due));
    importer.run(withoutColumn, mapping(null), ImportMode.ALL_OR_NOTHING);

    // Monday: the collector records the customer's dispute
    CollectionCase opened = reviewedCase(customer, monday);
    cases.openDispute(
        opened.getId(),
        opened.getVersion(),
        new DisputeTerms(List.of(number), DisputeReason.NOT_RECEIVED, "Never delivered"),
        collector);

    // the next imports of the ERP's file: without the column, then with the column left empty
    ImportReport again = importer.run(withoutColumn, mapping(null), ImportMode.ALL_OR_NOTHING);
    ImportReport empty =
        importer.run(withEmptyCells, mapping("Disputed"), ImportMode.ALL_OR_NOTHING);

    assertThat(again.invoices()).isEqualTo(new UpsertResult(0, 0, 1));
    assertThat(empty.invoices()).isEqualTo(new UpsertResult(0, 0, 1));
    assertThat(cases.disputes(customer)).extracting(Dispute::isOpen).containsExactly(true);
    assertThat(invoices.findByNumber(number).orElseThrow().isDisputed()).isTrue();
    runs.run(monday, "test");
    assertThat(outbox.queued(customer)).isEmpty();
    assertThat(outbox.heldBack(customer))
        .extracting(TestOutbox.Held::invoice, TestOutbox.Held::reason)
        .containsExactly(tuple(number, "DISPUTED"));
  }

  @Test
  void theErpsDisputedOpensADisputeOfItsOwnAndItsNotDisputedClearsIt() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerOf(collector);
    InvoiceData sent = invoice(customer, "D3", monday.minusDays(20), null);
    invoiceService.upsert(List.of(sent));
    assertThat(reviewedCase(customer, monday).getStatus()).isEqualTo(CaseStatus.OPEN);

    // Monday: the ERP sends the invoice as disputed, and again the next night
    UpsertResult disputed = invoiceService.upsert(List.of(withDisputed(sent, true)));
    UpsertResult same = invoiceService.upsert(List.of(withDisputed(sent, true)));

    assertThat(disputed).isEqualTo(new UpsertResult(0, 1, 0));
    assertThat(same).isEqualTo(new UpsertResult(0, 0, 1));
    assertThat(cases.disputes(customer))
        .extracting(Dispute::isOpen, Dispute::getSource, Dispute::getOpenedBy, Dispute::getNote)
        .containsExactly(tuple(true, DisputeSource.ERP, "ERP", "From the ERP"));
    assertThat(log.latest(customer.getId(), 1).get(0).entry().detail())
        .isEqualTo("Disputed " + sent.number() + " (from the ERP); not chased until resolved.");
    assertThat(reviewedCase(customer, monday).getStatus()).isEqualTo(CaseStatus.DISPUTED);
    runs.run(monday, "test");
    assertThat(outbox.queued(customer)).isEmpty();
    assertThat(outbox.heldBack(customer))
        .extracting(TestOutbox.Held::invoice, TestOutbox.Held::reason)
        .containsExactly(tuple(sent.number(), "DISPUTED"));

    // Tuesday: the ERP sends it as no longer disputed → the dispute is cleared, chasing resumes
    UpsertResult cleared = invoiceService.upsert(List.of(withDisputed(sent, false)));

    assertThat(cleared).isEqualTo(new UpsertResult(0, 1, 0));
    assertThat(cases.disputes(customer))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getResolution()).contains(Dispute.Resolution.CLEARED);
              assertThat(d.getResolvedBy()).isEqualTo("ERP");
            });
    assertThat(invoices.findByNumber(sent.number()).orElseThrow().isDisputed()).isFalse();
    runs.run(monday.plusDays(1), "test");
    assertThat(outbox.queued(customer))
        .extracting(Row::date, Row::invoices)
        .containsExactly(tuple(monday.plusDays(1), List.of(sent.number())));
  }

  @Test
  void theErpsNotDisputedLeavesACollectorsDisputeOpen() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerOf(collector);
    InvoiceData sent = invoice(customer, "D4", monday.minusDays(20), null);
    invoiceService.upsert(List.of(sent));
    CollectionCase opened = reviewedCase(customer, monday);
    cases.openDispute(
        opened.getId(),
        opened.getVersion(),
        new DisputeTerms(List.of(sent.number()), DisputeReason.GOODS_SERVICE, "Damaged"),
        collector);

    // the ERP, which knows nothing of it, now sends the invoice as not disputed
    invoiceService.upsert(List.of(withDisputed(sent, false)));

    assertThat(cases.disputes(customer))
        .extracting(Dispute::isOpen, Dispute::getSource)
        .containsExactly(tuple(true, DisputeSource.COLLECTOR));
    assertThat(invoices.findByNumber(sent.number()).orElseThrow().isDisputed()).isTrue();
    runs.run(monday, "test");
    assertThat(outbox.queued(customer)).isEmpty();
    assertThat(outbox.heldBack(customer))
        .extracting(TestOutbox.Held::invoice, TestOutbox.Held::reason)
        .containsExactly(tuple(sent.number(), "DISPUTED"));
  }

  @Test
  void aCollectorsDecisionOnTheErpsDisputeHoldsWhileTheErpSaysTheSame() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerOf(collector);
    InvoiceData disputed = invoice(customer, "D5", monday.minusDays(20), true);
    assertThat(invoiceService.upsert(List.of(disputed))).isEqualTo(new UpsertResult(1, 0, 0));
    reviewedCase(customer, monday);

    // the collector hears the customer out and rejects the dispute the ERP opened
    Dispute fromErp = cases.disputes(customer).get(0);
    cases.resolveDispute(
        fromErp.getId(),
        fromErp.getVersion(),
        Dispute.Resolution.REJECTED,
        "Delivered and signed for",
        collector);

    // the ERP still sends the invoice as disputed every night: that opens nothing new
    assertThat(invoiceService.upsert(List.of(disputed))).isEqualTo(new UpsertResult(0, 0, 1));
    assertThat(cases.disputes(customer))
        .extracting(Dispute::isOpen, d -> d.getResolution().orElseThrow())
        .containsExactly(tuple(false, Dispute.Resolution.REJECTED));
    runs.run(monday, "test");
    assertThat(outbox.queued(customer))
        .extracting(Row::invoices)
        .containsExactly(List.of(disputed.number()));
  }

  private Customer customerOf(String username) {
    Customer customer = ledger.customer("Lindqvist Verktyg AB", "EUR");
    ledger.contact(customer, "ap@lindqvist.example", false);
    ledger.assign(customer, username);
    return customer;
  }

  private CollectionCase reviewedCase(Customer customer, LocalDate date) {
    review.review(date);
    return cases.findOpen(customer).orElseThrow();
  }

  private InvoiceData invoice(Customer customer, String prefix, LocalDate due, Boolean disputed) {
    String number = prefix + "-" + tag;
    return new InvoiceData(
        "erp-" + number,
        number,
        customer.getNumber(),
        due.minusDays(30),
        due,
        "EUR",
        new BigDecimal("480.00"),
        null,
        null,
        disputed,
        null,
        null);
  }

  private static InvoiceData withDisputed(InvoiceData sent, Boolean disputed) {
    return new InvoiceData(
        sent.externalId(),
        sent.number(),
        sent.customerNumber(),
        sent.issueDate(),
        sent.dueDate(),
        sent.currency(),
        sent.amount(),
        sent.reference(),
        sent.state(),
        disputed,
        sent.delivery(),
        sent.schedule());
  }

  private static InvoiceMapping mapping(String disputedColumn) {
    return new InvoiceMapping(
        "Invoice",
        "Customer",
        "Issued",
        "Due",
        "Amount",
        null,
        "EUR",
        null,
        null,
        disputedColumn,
        null,
        null,
        "yyyy-MM-dd",
        false);
  }

  private static byte[] csv(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
