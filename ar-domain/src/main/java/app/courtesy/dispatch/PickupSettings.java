package app.courtesy.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where messages without a server go ({@code AR_PICKUP_DIR}; by default {@code pickup} in the
 * server's domain folder), and whether email has an SMTP server ({@code AR_SMTP_HOST}).
 */
@ApplicationScoped
public class PickupSettings {

  @Inject
  @ConfigProperty(name = "ar.pickup.dir")
  private Optional<String> pickupDir;

  @Inject
  @ConfigProperty(name = "ar.smtp.host")
  private Optional<String> smtpHost;

  public Path pickup() {
    return pickupDir
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "pickup"))
        .toAbsolutePath();
  }

  /** The SMTP server email goes to; empty while email goes to the pickup folder. */
  public Optional<String> smtpHost() {
    return smtpHost.filter(host -> !host.isBlank());
  }
}
