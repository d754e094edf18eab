package app.courtesy.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.testing.Receiver;
import app.courtesy.testing.TestWebhooks;
import app.courtesy.testing.Transactions;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deliveries as an ERP's endpoint on 127.0.0.1 receives them: signed with the subscription's
 * secret, tried again on the schedule while it is down or failing, with the same event id each
 * time, given up after the last attempt and sent again when an administrator asks. Time moves by
 * the clock the dispatcher is given, never by waiting.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookDeliveryIT {

  @Inject private TestWebhooks webhooks;
  @Inject private WebhookEvents events;
  @Inject private WebhookDispatcher dispatcher;
  @Inject private WebhookDeliveries deliveries;
  @Inject private Clock clock;
  @Resource private UserTransaction transaction;

  @AfterEach
  void unsubscribe() {
    webhooks.deactivateAll();
  }

  @Test
  void aDeliveryIsSignedWithTheSecretShownAtSubscribing() throws Exception {
    try (Receiver erp = new Receiver(28510).start()) {
      WebhookSubscriptions.Created subscribed =
          webhooks.subscribe(erp.url(), EventType.PAYMENT_REPORTED);
      String eventId = publish("C-SIGNED");
      Instant at = soon();

      WebhookDispatcher.Round round = dispatcher.deliver(fixed(at), 100);

      assertThat(round.delivered()).isEqualTo(1);
      Receiver.Post post = erp.posts().get(0);
      assertThat(post.header("Courtesy-Event-Id")).isEqualTo(eventId);
      assertThat(post.header("Courtesy-Event-Type")).isEqualTo("payment.reported");
      assertThat(post.header("Courtesy-Timestamp")).isEqualTo(Long.toString(at.getEpochSecond()));
      assertThat(post.header("Content-Type")).isEqualTo("application/json");
      // what the ERP computes with the secret it was shown once
      assertThat(post.header("Courtesy-Signature"))
          .isEqualTo(
              "t="
                  + at.getEpochSecond()
                  + ",v1="
                  + hmacHex(subscribed.secret(), at.getEpochSecond() + "." + post.body()));
      assertThat(post.body())
          .startsWith("{\"id\":\"" + eventId + "\",\"type\":\"payment.reported\"")
          .contains("\"data\":{\"customerNumber\":\"C-SIGNED\"");
      Delivery delivery = only(subscribed);
      assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.deliveredAt()).isEqualTo(at);
    }
  }

  @Test
  void aReceiverThatWasDownGetsTheEventOnceItIsBackWithTheSameId() throws Exception {
    Receiver erp = new Receiver(28511);
    WebhookSubscriptions.Created subscribed =
        webhooks.subscribe(erp.url(), EventType.PAYMENT_REPORTED);
    String eventId = publish("C-DOWN");
    Instant start = soon();

    // the ERP's endpoint is down: nobody listens
    assertThat(dispatcher.deliver(fixed(start), 100).failed()).isEqualTo(1);
    Delivery first = only(subscribed);
    assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(first.lastError()).startsWith("Not reached");
    assertThat(first.nextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(1)));

    // 59 seconds later nothing is due yet
    assertThat(dispatcher.deliver(fixed(start.plusSeconds(59)), 100).claimed()).isZero();

    try {
      // a minute later it is up but failing: 503
      erp.answering(503).start();
      assertThat(dispatcher.deliver(fixed(start.plusSeconds(60)), 100).failed()).isEqualTo(1);
      Delivery second = only(subscribed);
      assertThat(second.lastStatus()).isEqualTo(503);
      assertThat(second.nextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(3)));

      // two minutes after that it is well again
      erp.answering(200);
      assertThat(dispatcher.deliver(fixed(start.plus(Duration.ofMinutes(3))), 100).delivered())
          .isEqualTo(1);
      // and an hour later nothing goes again
      assertThat(dispatcher.deliver(fixed(start.plus(Duration.ofHours(1))), 100).claimed())
          .isZero();

      assertThat(erp.posts())
          .extracting(p -> p.header("Courtesy-Event-Id"))
          .containsExactly(eventId, eventId);
      assertThat(erp.accepted()).hasSize(1);
      assertThat(only(subscribed).status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(only(subscribed).attempts()).isEqualTo(3);
    } finally {
      erp.close();
    }
  }

  @Test
  void aDeliveryIsGivenUpAfterTheLastAttemptAndSentAgainWhenAsked() throws Exception {
    try (Receiver erp = new Receiver(28512).answering(500).start()) {
      WebhookSubscriptions.Created subscribed =
          webhooks.subscribe(erp.url(), EventType.PAYMENT_REPORTED);
      String eventId = publish("C-GIVEN-UP");
      Instant at = soon();
      Backoff backoff = deliveries.backoff();

      // every attempt fails; each next one waits as the schedule says
      List<Long> waits = new ArrayList<>();
      for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
        assertThat(dispatcher.deliver(fixed(at), 100).claimed()).as("attempt " + attempt).isOne();
        Delivery delivery = only(subscribed);
        if (delivery.status() == DeliveryStatus.PENDING) {
          waits.add(Duration.between(at, delivery.nextAttemptAt()).toMinutes());
          at = delivery.nextAttemptAt();
        }
      }

      assertThat(waits)
          .hasSize(backoff.maxAttempts() - 1)
          .startsWith(1L, 2L, 4L, 8L, 16L, 32L, 60L);
      assertThat(waits.subList(6, waits.size())).containsOnly(60L);
      Delivery givenUp = only(subscribed);
      assertThat(givenUp.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(givenUp.attempts()).isEqualTo(backoff.maxAttempts());
      assertThat(givenUp.lastError()).isEqualTo("The receiver answered HTTP 500");
      assertThat(dispatcher.deliver(fixed(at.plus(Duration.ofDays(2))), 100).claimed()).isZero();

      // the ERP is fixed; an administrator sends it again
      erp.answering(200);
      deliveries.resend(givenUp.id(), "admin");
      assertThat(dispatcher.deliver(fixed(soon()), 100).delivered()).isOne();

      assertThat(erp.accepted())
          .extracting(p -> p.header("Courtesy-Event-Id"))
          .containsExactly(eventId);
      Delivery resent = only(subscribed);
      assertThat(resent.status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(resent.resentBy()).isEqualTo("admin");
      assertThatThrownBy(() -> deliveries.resend(resent.id(), "admin"))
          .isInstanceOf(DeliveryRefusedException.class)
          .hasMessageContaining("only a failed delivery is sent again");
    }
  }

  private String publish(String customerNumber) throws Exception {
    return Transactions.in(
        transaction,
        () -> events.publish(EventType.PAYMENT_REPORTED, Payload.about(customerNumber)));
  }

  private Delivery only(WebhookSubscriptions.Created subscribed) {
    List<Delivery> found =
        deliveries.list(
            new WebhookDeliveries.Filter(subscribed.subscription().getId(), null, null, null),
            null,
            10);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** A few seconds after the server's now, in whole seconds as the database keeps them. */
  private Instant soon() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
  }

  private static Clock fixed(Instant at) {
    return Clock.fixed(at, ZoneOffset.UTC);
  }

  private static String hmacHex(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
