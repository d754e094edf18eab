package app.courtesy.web.health;

import app.courtesy.monitoring.Sending;
import app.courtesy.shared.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How sending goes on this node: always UP, since a node whose mail server is away still serves the
 * collectors and keeps the messages queued, but its {@code state} is {@code DEGRADED} once every
 * attempt has failed for {@code AR_SENDING_DEGRADED_MINUTES} (15 by default), with since when and
 * the last error (without the email addresses it may name), so that monitoring can alert on it
 * without taking the node out of service.
 */
@Readiness
@ApplicationScoped
public class SendingReadiness implements HealthCheck {

  /** An email address in a server's answer: a health check is open to anyone, so it is left out. */
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");

  @Inject private Sending sending;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "ar.sending.degraded-minutes", defaultValue = "15")
  private long degradedMinutes;

  @Override
  public HealthCheckResponse call() {
    Sending.Look look = sending.look(clock.instant(), Duration.ofMinutes(degradedMinutes));
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("sending").up().withData("state", look.state().name());
    look.lastSent().ifPresent(at -> response.withData("lastSent", at.toString()));
    look.failingSince().ifPresent(at -> response.withData("failingSince", at.toString()));
    if (look.lastError() != null) {
      response.withData(
          "lastError", Texts.clip(ADDRESS.matcher(look.lastError()).replaceAll("…"), 200));
    }
    return response.build();
  }
}
