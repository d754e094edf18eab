package app.courtesy.notifications;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Courier;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.HandOver;
import app.courtesy.dispatch.Outgoing;
import jakarta.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends text messages through an HTTP gateway ({@code AR_SMS_URL}, with {@code AR_SMS_TOKEN} as a
 * bearer token): a JSON POST of {@code to} and {@code text}, with the message's idempotency key.
 * With no gateway configured, each message is written to the pickup folder. A POST that could not
 * connect is tried again later; one sent and never answered (the gateway timed out, the connection
 * dropped) may have gone out, and is unconfirmed.
 */
public class SmsCourier implements Courier {

  private final Optional<URI> gateway;
  private final String token;
  private final Path pickup;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public SmsCourier(Optional<URI> gateway, String token, Path pickup) {
    this.gateway = gateway;
    this.token = token;
    this.pickup = pickup;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String deliver(Outgoing message, HandOver handOver) throws DeliveryException {
    if (gateway.isEmpty()) {
      String file = "To: " + message.address() + "\n\n" + message.text();
      return new PickupFolder(pickup)
          .deliver(
              "sms",
              message.messageId(),
              "txt",
              out -> out.write(file.getBytes(StandardCharsets.UTF_8)),
              handOver);
    }
    HttpRequest request =
        HttpRequest.newBuilder(gateway.get())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", "outbox-" + message.messageId())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.createObjectBuilder()
                        .add("to", message.address())
                        .add("text", message.text())
                        .build()
                        .toString()))
            .build();
    handOver.handingTo("the SMS gateway " + gateway.get().getHost());
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status / 100 == 2) {
        return "Accepted by the SMS gateway (" + status + ")";
      }
      throw new DeliveryException(
          "The SMS gateway answered " + status + ": " + response.body(),
          status / 100 == 4 && status != 408 && status != 429,
          null);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new DeliveryException("The SMS gateway is not reachable: " + e.getMessage(), false, e);
    } catch (IOException e) {
      // The request may have reached the gateway: the answer never came.
      throw DeliveryException.unknownOutcome(
          "The SMS gateway did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("Interrupted while sending an SMS", false, e);
    }
  }
}
