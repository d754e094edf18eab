package app.courtesy.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A person we talk to at a customer: how to greet them, how to reach them, which way they prefer,
 * and the channels they opted out of (honoured at once).
 */
@Entity
@Table(name = "contact")
public class Contact {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
  @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(name = "external_id", unique = true, length = 100)
  private String externalId;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 40)
  private String salutation;

  @Column(name = "job_role", length = 100)
  private String role;

  @Column(length = 254)
  private String email;

  @Column(length = 40)
  private String phone;

  @Column(length = 40)
  private String mobile;

  @Enumerated(EnumType.STRING)
  @Column(name = "preferred_channel", nullable = false, length = 10)
  private Channel preferredChannel;

  @Column(name = "email_opt_out", nullable = false)
  private boolean emailOptOut;

  @Column(name = "sms_opt_out", nullable = false)
  private boolean smsOptOut;

  @Column(name = "email_bounced_at")
  private OffsetDateTime emailBouncedAt;

  @Column(name = "bounce_reason", length = 400)
  private String bounceReason;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Contact() {}

  Contact(ContactData data, Customer customer, OffsetDateTime createdAt) {
    this.externalId = data.externalId();
    this.createdAt = createdAt;
    apply(data, customer);
  }

  /** Takes over what the data says; tells whether anything changed. */
  boolean revise(ContactData data, Customer customer) {
    if (toData().equals(data) && this.customer.getId().equals(customer.getId())) {
      return false;
    }
    apply(data, customer);
    return true;
  }

  /** The contact as an ERP writes it. */
  public ContactData toData() {
    return new ContactData(
        externalId,
        customer.getNumber(),
        name,
        salutation,
        role,
        email,
        phone,
        mobile,
        preferredChannel,
        emailOptOut,
        smsOptOut);
  }

  private void apply(ContactData data, Customer customer) {
    this.customer = customer;
    this.name = data.name();
    this.salutation = data.salutation();
    this.role = data.role();
    if (!Objects.equals(this.email, data.email())) {
      this.emailBouncedAt = null;
      this.bounceReason = null;
    }
    this.email = data.email();
    this.phone = data.phone();
    this.mobile = data.mobile();
    this.preferredChannel = data.preferredChannel();
    this.emailOptOut = data.emailOptOut();
    this.smsOptOut = data.smsOptOut();
  }

  /** The mail server refused the address for good; not written to until it is corrected. */
  public void bounced(String reason, OffsetDateTime at) {
    this.emailBouncedAt = at;
    this.bounceReason = reason.length() > 400 ? reason.substring(0, 400) : reason;
  }

  /** Email can reach this contact: an address that has not bounced, and no opt-out. */
  public boolean isEmailable() {
    return email != null && !emailOptOut && emailBouncedAt == null;
  }

  /** SMS can reach this contact: a mobile number and no opt-out. */
  public boolean isTextable() {
    return mobile != null && !smsOptOut;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Long getId() {
    return id;
  }

  public Optional<OffsetDateTime> getEmailBouncedAt() {
    return Optional.ofNullable(emailBouncedAt);
  }

  public String getBounceReason() {
    return bounceReason;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getName() {
    return name;
  }

  public String getSalutation() {
    return salutation;
  }

  public String getRole() {
    return role;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getMobile() {
    return mobile;
  }

  public Channel getPreferredChannel() {
    return preferredChannel;
  }

  public boolean isEmailOptOut() {
    return emailOptOut;
  }

  public boolean isSmsOptOut() {
    return smsOptOut;
  }
}
