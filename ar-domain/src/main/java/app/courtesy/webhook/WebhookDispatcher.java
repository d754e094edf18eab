package app.courtesy.webhook;

import app.courtesy.dispatch.Dispatcher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts the due deliveries: claims them in small batches under a lease ({@code
 * AR_WEBHOOKS_LEASE_SECONDS}, two minutes by default), posts each claim's deliveries at once,
 * outside any transaction, and records every answer.
 *
 * <p><b>At least once.</b> A delivery is done when its receiver answered 2xx and that was recorded.
 * A dispatcher that stops in between leaves its claim to run out; the delivery is then claimed
 * again and posted again, with the same {@code Courtesy-Event-Id}, so the receiver drops what it
 * has seen. Two dispatchers never hold the same delivery at once ({@code FOR UPDATE SKIP LOCKED}).
 *
 * <p>Each post waits at most {@code AR_WEBHOOKS_TIMEOUT_SECONDS} (5 by default) to connect and as
 * long for the answer, so a receiver that hangs costs one round a few seconds and nothing else.
 * Redirects are not followed: a 3xx is a failed attempt, like any other non-2xx.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class WebhookDispatcher {

  /** Deliveries per claim, posted at once. */
  public static final int BATCH = 20;

  /** What one call posted: how many were claimed, answered 2xx, failed and were given up. */
  public record Round(int claimed, int delivered, int failed, int givenUp) {

    private Round plus(Round other) {
      return new Round(
          claimed + other.claimed,
          delivered + other.delivered,
          failed + other.failed,
          givenUp + other.givenUp);
    }
  }

  @Inject private WebhookDeliveries deliveries;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "ar.webhooks.lease-seconds", defaultValue = "120")
  private long leaseSeconds;

  @Inject
  @ConfigProperty(name = "ar.webhooks.timeout-seconds", defaultValue = "5")
  private long timeoutSeconds;

  private HttpClient http;

  @PostConstruct
  void start() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(timeoutSeconds))
            .build();
  }

  /** Posts what is due now, until nothing due is left or {@code max} deliveries were claimed. */
  public Round deliver(int max) {
    return deliver(clock, max);
  }

  /**
   * Posts what is due by {@code clock}, {@link #BATCH} per claim, until nothing due is left or
   * {@code max} deliveries were claimed.
   *
   * @param clock the time to claim, sign and record by (tests pass one of their own)
   */
  public Round deliver(Clock clock, int max) {
    Round total = new Round(0, 0, 0, 0);
    while (total.claimed() < max) {
      Instant now = clock.instant();
      List<WebhookDeliveries.Claimed> claimed =
          deliveries.claim(
              now,
              Math.min(BATCH, max - total.claimed()),
              UUID.randomUUID().toString(),
              Dispatcher.NODE,
              now.plusSeconds(leaseSeconds));
      if (claimed.isEmpty()) {
        break;
      }
      total = total.plus(post(clock, claimed));
    }
    return total;
  }

  private Round post(Clock clock, List<WebhookDeliveries.Claimed> claimed) {
    List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
    List<Instant> sentAt = new ArrayList<>();
    for (WebhookDeliveries.Claimed delivery : claimed) {
      Instant now = clock.instant();
      sentAt.add(now);
      answers.add(send(delivery, now.getEpochSecond()));
    }
    List<WebhookDeliveries.Attempt> attempts = new ArrayList<>();
    int delivered = 0;
    for (int i = 0; i < claimed.size(); i++) {
      WebhookDeliveries.Claimed delivery = claimed.get(i);
      WebhookDeliveries.Attempt attempt = answer(delivery, sentAt.get(i), answers.get(i));
      if (attempt.delivered()) {
        delivered++;
      }
      attempts.add(attempt);
    }
    int givenUp = deliveries.record(attempts);
    return new Round(claimed.size(), delivered, claimed.size() - delivered, givenUp);
  }

  private CompletableFuture<HttpResponse<Void>> send(
      WebhookDeliveries.Claimed delivery, long unixSeconds) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(delivery.url()))
              .timeout(Duration.ofSeconds(timeoutSeconds))
              .header("Content-Type", "application/json")
              .header("User-Agent", "Courtesy-Webhooks/1")
              .header("Courtesy-Event-Id", delivery.eventId())
              .header("Courtesy-Event-Type", delivery.eventType())
              .header("Courtesy-Timestamp", Long.toString(unixSeconds))
              .header(
                  "Courtesy-Signature",
                  Signature.header(delivery.secret(), unixSeconds, delivery.body()))
              .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
              .build();
      return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    } catch (IllegalArgumentException badUrl) {
      return CompletableFuture.failedFuture(badUrl);
    }
  }

  /** What became of one post: its status, or why none came in time. */
  private WebhookDeliveries.Attempt answer(
      WebhookDeliveries.Claimed delivery,
      Instant at,
      CompletableFuture<HttpResponse<Void>> answer) {
    try {
      int status = answer.get(2 * timeoutSeconds + 1, TimeUnit.SECONDS).statusCode();
      return new WebhookDeliveries.Attempt(
          delivery,
          at,
          status,
          status >= 200 && status < 300 ? null : "The receiver answered HTTP " + status);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return noAnswer(delivery, at, "No answer within " + timeoutSeconds + " seconds");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return noAnswer(
          delivery,
          at,
          cause instanceof HttpTimeoutException
              ? "No answer within " + timeoutSeconds + " seconds"
              : cause instanceof ConnectException
                  ? "Not reached: the connection was refused"
                  : "Not reached: "
                      + (cause.getMessage() == null
                          ? cause.getClass().getSimpleName()
                          : cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return noAnswer(delivery, at, "Interrupted before the answer");
    }
  }

  private static WebhookDeliveries.Attempt noAnswer(
      WebhookDeliveries.Claimed delivery, Instant at, String why) {
    return new WebhookDeliveries.Attempt(delivery, at, null, why);
  }
}
