package app.courtesy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.Outgoing;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text messages through an HTTP gateway on 127.0.0.1, and to the pickup folder without one. */
class SmsCourierTest {

  private static final Outgoing SMS =
      new Outgoing(
          51,
          7,
          9,
          Channel.SMS,
          "Hannah Weber",
          "+41 79 555 01 02",
          null,
          "Guten Tag Frau Weber, Rechnung INV-2041 \"CHF 480.50\" ist offen.",
          null,
          null,
          null,
          null,
          null,
          "reminders");

  @TempDir Path pickup;

  private HttpServer gateway;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile int answer = 202;

  @BeforeEach
  void startGateway() throws IOException {
    gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    gateway.createContext(
        "/messages",
        exchange -> {
          received.add(
              exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + exchange.getRequestHeaders().getFirst("Idempotency-Key")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    gateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop(0);
  }

  @Test
  void theGatewayGetsTheNumberAndTheTextWithTheToken() throws DeliveryException {
    String receipt = courier().deliver(SMS, new HandOvers());

    assertThat(receipt).contains("202");
    assertThat(received)
        .singleElement()
        .asString()
        .startsWith("Bearer s3cret outbox-51 ")
        .contains("\"to\":\"+41 79 555 01 02\"", "\\\"CHF 480.50\\\"");
  }

  @Test
  void aRefusalIsPermanentAndAnOutageIsNot() {
    answer = 400;
    assertThatThrownBy(() -> courier().deliver(SMS, new HandOvers()))
        .isInstanceOfSatisfying(
            DeliveryException.class, refused -> assertThat(refused.isPermanent()).isTrue());

    answer = 503;
    assertThatThrownBy(() -> courier().deliver(SMS, new HandOvers()))
        .isInstanceOfSatisfying(
            DeliveryException.class, down -> assertThat(down.isPermanent()).isFalse());
  }

  @Test
  void aGatewayThatDoesNotAnswerLeavesTheMessagesFateUnknownAndOneDownFailsForNow()
      throws Exception {
    gateway.stop(0);
    HandOvers handOvers = new HandOvers();
    assertThatThrownBy(() -> courier().deliver(SMS, handOvers))
        .isInstanceOfSatisfying(
            DeliveryException.class, down -> assertThat(down.isUnknown()).isFalse());

    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread hangUp =
          new Thread(
              () -> {
                try (Socket client = silent.accept()) {
                  client.getInputStream().read(new byte[4096]);
                } catch (IOException e) {
                  // the test is over
                }
              });
      hangUp.start();
      SmsCourier courier =
          new SmsCourier(
              Optional.of(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/messages")),
              "s3cret",
              pickup);
      assertThatThrownBy(() -> courier.deliver(SMS, handOvers))
          .isInstanceOfSatisfying(
              DeliveryException.class, unknown -> assertThat(unknown.isUnknown()).isTrue());
      hangUp.join();
    }
    assertThat(handOvers.servers())
        .as("handed over before each POST")
        .containsExactly("the SMS gateway 127.0.0.1", "the SMS gateway 127.0.0.1");
  }

  @Test
  void withoutAGatewayTheMessageIsWrittenToThePickupFolder() throws Exception {
    new SmsCourier(Optional.empty(), "", pickup).deliver(SMS, new HandOvers());

    try (Stream<Path> files = Files.list(pickup.resolve("sms"))) {
      assertThat(Files.readString(files.findFirst().orElseThrow()))
          .startsWith("To: +41 79 555 01 02")
          .contains("Rechnung INV-2041");
    }
  }

  private SmsCourier courier() {
    URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/messages");
    return new SmsCourier(Optional.of(url), "s3cret", pickup);
  }
}
