package app.courtesy.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.collection.DisputeReason;
import app.courtesy.collection.DisputeSource;
import app.courtesy.collection.Disputes;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestWebhooks;
import app.courtesy.testing.Transactions;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An event is written with the change it reports, in its transaction: the subscribers of its type
 * get a delivery each, others none, and a change that is rolled back tells nobody.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookEventsIT {

  private static final String NOWHERE = "http://127.0.0.1:28509/never-called";

  @Inject private TestLedger ledger;
  @Inject private TestWebhooks webhooks;
  @Inject private Disputes disputes;
  @Inject private ContactService contacts;
  @Resource private UserTransaction transaction;

  @AfterEach
  void unsubscribe() {
    webhooks.deactivateAll();
  }

  @Test
  void aDisputeIsToldToTheSubscribersOfItsTypeOnly() {
    long disputesWanted =
        webhooks.subscribe(NOWHERE, EventType.DISPUTE_OPENED).subscription().getId();
    long promisesWanted =
        webhooks.subscribe(NOWHERE, EventType.PROMISE_KEPT).subscription().getId();
    Customer customer = ledger.customer("Fernhill Joinery", "CHF");
    Invoice invoice = ledger.invoice(customer, LocalDate.now().minusDays(20), "860.00");

    // the customer calls: the price is not the one quoted, and the collector records it
    disputes.open(
        List.of(invoice),
        DisputeReason.PRICING,
        "Not the price quoted.",
        DisputeSource.COLLECTOR,
        "collector");

    List<String> events = webhooks.events("\"invoiceNumber\":\"" + invoice.getNumber() + "\"");
    assertThat(events).hasSize(1);
    assertThat(events.get(0))
        .contains(
            "\"type\":\"dispute.opened\"",
            "\"customerNumber\":\"" + customer.getNumber() + "\"",
            "\"reason\":\"PRICING\"",
            "\"source\":\"COLLECTOR\"",
            "\"openedBy\":\"collector\"")
        .containsPattern("\"id\":\"[0-9a-f-]{36}\"");
    assertThat(webhooks.deliveries(disputesWanted)).isEqualTo(1);
    assertThat(webhooks.deliveries(promisesWanted)).isZero();
  }

  @Test
  void aDisputeRolledBackIsToldToNobody() throws Exception {
    long subscription =
        webhooks.subscribe(NOWHERE, EventType.DISPUTE_OPENED).subscription().getId();
    Customer customer = ledger.customer("Ashgrove Kilns", "CHF");
    Invoice invoice = ledger.invoice(customer, LocalDate.now().minusDays(20), "310.00");

    // the dispute is written, then something later in the same change fails
    assertThatThrownBy(
            () ->
                Transactions.in(
                    transaction,
                    () -> {
                      disputes.open(
                          List.of(invoice),
                          DisputeReason.NOT_RECEIVED,
                          null,
                          DisputeSource.COLLECTOR,
                          "collector");
                      throw new IllegalStateException("the rest of the change failed");
                    }))
        .hasMessage("the rest of the change failed");

    assertThat(webhooks.events("\"invoiceNumber\":\"" + invoice.getNumber() + "\"")).isEmpty();
    assertThat(webhooks.deliveries(subscription)).isZero();
  }

  @Test
  void aContactOptingOutIsToldOncePerChannel() throws Exception {
    webhooks.subscribe(NOWHERE, EventType.CONTACT_OPTED_OUT);
    Customer customer = ledger.customer("Birchwood Dairy", "CHF");
    String externalId = ledger.contact(customer, "mia@birchwood.example", false);

    // the contact asks for no more email, then asks again (a second click on the link)
    optOut(customer, Channel.EMAIL);
    optOut(customer, Channel.EMAIL);

    List<String> events = webhooks.events("\"contactExternalId\":\"" + externalId + "\"");
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).contains("\"type\":\"contact.opted_out\"", "\"channel\":\"EMAIL\"");
  }

  private void optOut(Customer customer, Channel channel) throws Exception {
    Transactions.in(
        transaction,
        () -> {
          Contact contact = contacts.contactsOf(customer).get(0);
          return contacts.correct(contact, ContactService.Correction.of(contact).optedOut(channel));
        });
  }
}
