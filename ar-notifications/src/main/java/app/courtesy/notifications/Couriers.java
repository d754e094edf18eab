package app.courtesy.notifications;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Courier;
import app.courtesy.dispatch.PickupSettings;
import app.courtesy.reminder.SenderDetails;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The couriers of each channel, set up from configuration once: SMTP ({@code AR_SMTP_*}), the SMS
 * gateway ({@code AR_SMS_URL}, {@code AR_SMS_TOKEN}) and the pickup folder ({@code AR_PICKUP_DIR};
 * by default {@code pickup} in the server's domain folder) for whatever has no server, and for
 * letters.
 */
@ApplicationScoped
public class Couriers {

  @Inject
  @ConfigProperty(name = "ar.smtp.port", defaultValue = "25")
  private int smtpPort;

  @Inject
  @ConfigProperty(name = "ar.smtp.user")
  private Optional<String> smtpUser;

  @Inject
  @ConfigProperty(name = "ar.smtp.password")
  private Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "ar.smtp.starttls", defaultValue = "false")
  private boolean smtpStartTls;

  @Inject
  @ConfigProperty(name = "ar.mail.sub-addressing", defaultValue = "false")
  private boolean subAddressing;

  @Inject
  @ConfigProperty(name = "ar.sms.url")
  private Optional<URI> smsUrl;

  @Inject
  @ConfigProperty(name = "ar.sms.token")
  private Optional<String> smsToken;

  @Inject private SenderDetails sender;
  @Inject private PickupSettings settings;

  private EmailCourier email;
  private Map<Channel, Courier> byChannel;

  @PostConstruct
  void setUp() {
    Path pickup = settings.pickup();
    MailSettings mail =
        new MailSettings(
            settings.smtpHost(),
            smtpPort,
            smtpUser,
            smtpPassword,
            smtpStartTls,
            sender.email(),
            sender.company(),
            pickup,
            subAddressing);
    email = new EmailCourier(mail);
    byChannel =
        Map.of(
            Channel.EMAIL, email,
            Channel.SMS, new SmsCourier(smsUrl, smsToken.orElse(""), pickup),
            Channel.LETTER, new LetterCourier(pickup));
  }

  @PreDestroy
  void closeConnections() {
    email.close();
  }

  public Map<Channel, Courier> byChannel() {
    return byChannel;
  }
}
