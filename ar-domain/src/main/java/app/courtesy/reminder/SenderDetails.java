package app.courtesy.reminder;

import app.courtesy.customer.Customer;
import app.courtesy.security.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who signs the reminders and how customers reach us, from configuration ({@code AR_SENDER_NAME},
 * {@code AR_SENDER_TEAM}, {@code AR_SENDER_EMAIL}, {@code AR_SENDER_PHONE}, {@code
 * AR_COMPANY_NAME}, {@code AR_SELF_SERVICE_URL}); the customer's collector signs by name when there
 * is one.
 */
@ApplicationScoped
public class SenderDetails {

  @Inject
  @ConfigProperty(name = "ar.sender.name", defaultValue = "Sam Meyer")
  private String name;

  @Inject
  @ConfigProperty(name = "ar.sender.team", defaultValue = "Accounts receivable")
  private String team;

  @Inject
  @ConfigProperty(name = "ar.sender.email", defaultValue = "accounts@courtesy.example")
  private String email;

  @Inject
  @ConfigProperty(name = "ar.sender.phone", defaultValue = "+44 20 7946 0000")
  private String phone;

  @Inject
  @ConfigProperty(name = "ar.company.name", defaultValue = "Courtesy Demo Ltd")
  private String company;

  @Inject
  @ConfigProperty(name = "ar.self-service.url", defaultValue = "http://127.0.0.1:8080/pay")
  private String selfService;

  public ReminderModel.Sender of(Customer customer) {
    String signer = customer.getCollector().map(UserAccount::getDisplayName).orElse(name);
    return new ReminderModel.Sender(signer, team, email, phone, company);
  }

  /**
   * Stands for the customer's link in text written before it is sent (a collector's draft, a
   * preview): replaced by a link of its own when the message goes out.
   */
  public static final String LINK_PLACEHOLDER = "{{selfServiceLink}}";

  /** The address of the customer's own page for the link's {@code token}. */
  public String selfServiceLink(String token) {
    return selfService + "/" + token;
  }

  /** The address of the customer's page, without a link: where the links point. */
  public String selfServiceBase() {
    return selfService;
  }

  /** The address replies go to. */
  public String email() {
    return email;
  }

  public String company() {
    return company;
  }
}
