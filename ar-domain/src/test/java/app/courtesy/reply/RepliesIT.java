package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.EmailDraft;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.dispatch.MailMessageId;
import app.courtesy.security.Role;
import app.courtesy.testing.AtOnce;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestPeople;
import app.courtesy.testing.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customers' messages kept once and matched to the right customer: the same email read by two nodes
 * at once is kept once and logged once; a reply address whose signature was tampered with names no
 * one.
 */
@ExtendWith(ArquillianExtension.class)
class RepliesIT {

  @Inject private Replies replies;
  @Inject private ReplyAddress replyAddress;
  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private ContactService contacts;
  @Inject private CommunicationLog log;
  @Inject private TestLedger ledger;
  @Inject private TestPeople people;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService executor;

  @Resource private UserTransaction transaction;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theSameEmailReadByTwoNodesAtOnceIsKeptAndLoggedOnce() throws Exception {
    String address = "ap." + tag + "@quarry.example";
    Customer customer = ledger.customer("Quarry Stone " + tag, "GBP");
    ledger.contact(customer, address, false);
    Incoming reply = email("<twice." + tag + "@quarry.example>", address, List.of(), List.of());

    List<AtOnce.Outcome> outcomes =
        AtOnce.run(executor, () -> replies.receive(reply), () -> replies.receive(reply));
    Replies.Received again = replies.receive(reply);

    // Of the two nodes, one keeps it; the other finds it kept, or fails on the key and leaves the
    // email unread, to find it kept at its next read.
    assertThat(outcomes).filteredOn(AtOnce.Outcome::succeeded).isNotEmpty();
    assertThat(again.result()).isEqualTo(Replies.Result.ALREADY_IMPORTED);
    assertThat(
            inTransaction(
                () ->
                    em.createQuery(
                            "select count(r) from InboundReply r where r.messageKey = :key",
                            Long.class)
                        .setParameter("key", reply.key())
                        .getSingleResult()))
        .isEqualTo(1L);
    assertThat(inTransaction(() -> log.latest(customer.getId(), Channel.EMAIL, 10)))
        .extracting(logged -> logged.entry().outcome())
        .containsExactly(Outcome.RECEIVED);
  }

  @Test
  void aReplyAddressFindsItsEmailOnlyWithItsOwnSignature() throws Exception {
    String collector = people.user(Role.COLLECTOR);
    Customer customer = ledger.customer("Tarn Mills " + tag, "GBP");
    ledger.contact(customer, "ap." + tag + "@tarn.example", false);
    ledger.invoice(customer, LocalDate.now().minusDays(30), "120.00");
    ledger.assign(customer, collector);
    long messageId =
        inTransaction(
            () -> {
              review.review(LocalDate.now());
              Contact to = contacts.contactsOf(customer).get(0);
              return cases.sendEmail(
                  cases.findOpen(customer).orElseThrow().getId(),
                  new EmailDraft(
                      to.getId(),
                      "Your account",
                      "Dear Tarn Mills, thank you. Reply or call us if we can help.",
                      null,
                      null),
                  collector);
            });
    String token = replyAddress.token(messageId);
    String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");

    Replies.Received signed =
        replies.receive(
            email(
                "<signed." + tag + "@elsewhere.example>",
                "clerk." + tag + "@elsewhere.example",
                List.of("accounts+" + token + "@courtesy.example"),
                List.of()));
    Replies.Received tampered =
        replies.receive(
            email(
                "<tampered." + tag + "@elsewhere.example>",
                "clerk." + tag + "@elsewhere.example",
                List.of("accounts+" + forged + "@courtesy.example"),
                List.of()));
    Replies.Received unknownThread =
        replies.receive(
            email(
                "<unknown." + tag + "@elsewhere.example>",
                "clerk." + tag + "@elsewhere.example",
                List.of(),
                List.of(MailMessageId.of(Long.MAX_VALUE / 2))));

    assertThat(signed.state()).isEqualTo(ReplyState.TO_ANSWER);
    assertThat(replies.getReply(signed.replyId()).getMatchedBy()).contains(MatchedBy.ADDRESS);
    assertThat(replies.getReply(signed.replyId()).getAnswersId()).contains(messageId);
    assertThat(tampered.state()).isEqualTo(ReplyState.UNMATCHED);
    assertThat(unknownThread.state()).isEqualTo(ReplyState.UNMATCHED);
  }

  @Test
  void anOutOfOfficeFromSomeoneNoCustomerKnowsAsksNobodyToAssignIt() {
    Incoming away =
        new Incoming(
            "<away." + tag + "@nowhere.example>",
            Channel.EMAIL,
            "someone." + tag + "@nowhere.example",
            null,
            List.of(),
            "Out of office",
            "I am away until Monday.",
            List.of(),
            true,
            List.of(),
            null);

    Replies.Received received = replies.receive(away);

    assertThat(received.state()).isEqualTo(ReplyState.AUTOMATIC);
    assertThat(replies.unmatched())
        .extracting(shown -> shown.reply().getId())
        .doesNotContain(received.replyId());
  }

  private Incoming email(String key, String from, List<String> to, List<String> refersTo) {
    return new Incoming(
        key,
        Channel.EMAIL,
        from,
        null,
        to,
        "About the invoice",
        "We will look into it this week.",
        refersTo,
        false,
        List.of(),
        null);
  }

  private <T> T inTransaction(Callable<T> work) throws Exception {
    return Transactions.in(transaction, work);
  }
}
