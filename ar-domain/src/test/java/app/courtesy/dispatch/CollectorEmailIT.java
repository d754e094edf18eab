package app.courtesy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.collection.CaseRefusedException;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.EmailDraft;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.security.Role;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestPeople;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A collector's own email goes out by itself as soon as it is written, and only it: sending it
 * claims no other message of the outbox, and what the collector is told is what happened.
 */
@ExtendWith(ArquillianExtension.class)
class CollectorEmailIT {

  @Inject private CollectorEmails emails;
  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private ContactService contacts;
  @Inject private CourierDesk desk;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private TestPeople people;

  private final TestCourier email = new TestCourier(Channel.EMAIL);
  private final LocalDate today = LocalDate.now();
  private String approver;

  @BeforeEach
  void openTheDesk() {
    approver = people.user(Role.APPROVER);
    desk.open(Map.of(Channel.EMAIL, email));
  }

  @AfterEach
  void closeTheDesk() {
    desk.open(Map.of());
  }

  @Test
  void theEmailGoesOutAloneAndTheCollectorIsToldItWasSent() {
    Customer waiting = customerWithCase("Linden Bakery", "ap@linden.example");
    long waitingCase = cases.findOpen(waiting).orElseThrow().getId();
    // another collector's email, queued and due now, waits for the dispatcher's round
    cases.sendEmail(waitingCase, draft(waiting, "Your statement"), approver);
    Customer customer = customerWithCase("Birch Joinery", "ap@birch.example");
    long caseId = cases.findOpen(customer).orElseThrow().getId();

    CollectorEmails.Sending sending =
        emails.send(caseId, draft(customer, "Your invoices with us"), approver);

    assertThat(sending.status()).isEqualTo(MessageStatus.SENT);
    assertThat(email.deliveredTo(customer.getId()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.messageId()).isEqualTo(sending.messageId());
              assertThat(m.address()).isEqualTo("ap@birch.example");
              assertThat(m.subject()).isEqualTo("Your invoices with us");
            });
    assertThat(outbox.messages(customer))
        .extracting(Row::kind, Row::status)
        .containsExactly(tuple("PERSONAL", "SENT"));
    assertThat(email.deliveredTo(waiting.getId())).isEmpty();
    assertThat(outbox.messages(waiting))
        .extracting(Row::status, Row::attempts)
        .containsExactly(tuple("QUEUED", 0));
  }

  @Test
  void anEmailTheMailServerCannotTakeNowIsQueuedAndTheCollectorIsToldSo() {
    Customer customer = customerWithCase("Aspen Kitchens", "ap@aspen.example");
    long caseId = cases.findOpen(customer).orElseThrow().getId();
    email.failNext(customer.getId(), 1, false);

    CollectorEmails.Sending sending =
        emails.send(caseId, draft(customer, "About your account"), approver);

    assertThat(sending.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(sending.error()).isEqualTo("Connection refused");
    assertThat(email.deliveredTo(customer.getId())).isEmpty();
    assertThat(outbox.messages(customer))
        .extracting(Row::status, Row::attempts)
        .containsExactly(tuple("QUEUED", 1));
  }

  @Test
  void whereNothingIsSetUpToSendTheEmailWaitsForTheDispatcher() {
    desk.open(Map.of());
    Customer customer = customerWithCase("Rowan Optics", "ap@rowan.example");
    long caseId = cases.findOpen(customer).orElseThrow().getId();

    CollectorEmails.Sending sending =
        emails.send(caseId, draft(customer, "About your account"), approver);

    assertThat(sending.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(sending.error()).isNull();
    assertThat(outbox.messages(customer))
        .extracting(Row::status, Row::attempts)
        .containsExactly(tuple("QUEUED", 0));
  }

  @Test
  void aThreatIsRefusedNamingItsWordsAndAnApproverMaySendItAnywayOnRecord() {
    Customer customer = customerWithCase("Hazel Printworks", "ap@hazel.example");
    CollectionCase open = cases.findOpen(customer).orElseThrow();
    long caseId = open.getId();
    String collector = people.user(Role.COLLECTOR);
    cases.reassign(caseId, open.getVersion(), collector, approver);
    EmailDraft rude =
        draft(
            customer, "Your account", "Dear Ms Weber,\n\npay IMMEDIATELY or we take legal action.");

    assertThatThrownBy(() -> emails.send(caseId, rude, collector))
        .isInstanceOf(CaseRefusedException.class)
        .hasMessageContaining("No threats")
        .hasMessageContaining("\"take legal action\"")
        .hasMessageContaining("\"IMMEDIATELY\"");
    EmailDraft overridden =
        new EmailDraft(
            rude.contactId(), rude.subject(), rude.body(), "The customer asked for it.", null);
    assertThatThrownBy(() -> emails.send(caseId, overridden, collector))
        .isInstanceOf(NotAllowedException.class);
    assertThat(outbox.messages(customer)).isEmpty();

    assertThat(emails.send(caseId, overridden, approver).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void anEmailInALanguageTheCheckCannotReadIsNotJudgedAsEnglishAndNeedsAnApprover() {
    Customer customer = customerWithCase("Juniper Tiles", "ap@juniper.example");
    long caseId = cases.findOpen(customer).orElseThrow().getId();
    EmailDraft polish =
        draft(
            customer,
            "Faktura",
            "Szanowna Pani Weber,\n\ndziękujemy za współpracę. Uprzejmie przypominamy o otwartej"
                + " fakturze. Jeśli potrzebuje Pani więcej czasu, prosimy o kontakt.\n\n"
                + "Z poważaniem\nDział należności");

    assertThatThrownBy(() -> emails.send(caseId, polish, approver))
        .isInstanceOf(CaseRefusedException.class)
        .hasMessageContaining("the check cannot read this message's language")
        .hasMessageNotContaining("No shouting");
    assertThat(outbox.messages(customer)).isEmpty();
  }

  private Customer customerWithCase(String name, String address) {
    Customer customer = ledger.customer(name, "GBP", "GB", "Europe/London", "en-GB");
    ledger.contact(customer, address, false);
    ledger.invoice(customer, today.minusDays(40), "820.00");
    review.review(today);
    return customer;
  }

  private EmailDraft draft(Customer customer, String subject) {
    return draft(
        customer,
        subject,
        "Dear Ms Weber,\n\nthank you for your business. Could we help with the invoice that is"
            + " still open? Call us or reply to this email.\n\nKind regards,\nAccounts");
  }

  private EmailDraft draft(Customer customer, String subject, String body) {
    Contact to = contacts.contactsOf(customer).get(0);
    return new EmailDraft(to.getId(), subject, body, null, null);
  }
}
