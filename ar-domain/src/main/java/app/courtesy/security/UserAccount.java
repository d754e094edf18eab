package app.courtesy.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Someone who signs in: a person with one or more roles, or an integration account. The password is
 * kept only as a PBKDF2 hash. Records who created the account and when.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
  @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 120)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 400)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role_name", nullable = false, length = 20)
  @Convert(converter = RoleConverter.class)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "password_changed_at")
  private OffsetDateTime passwordChangedAt;

  /** The second factor's secret (Base32): pending until {@link #mfaEnabledAt} is set. */
  @Column(name = "totp_secret", length = 64)
  private String totpSecret;

  @Column(name = "mfa_enabled_at")
  private OffsetDateTime mfaEnabledAt;

  /** The time step of the last one-time code accepted: no code counts twice. */
  @Column(name = "totp_last_step")
  private Long totpLastStep;

  protected UserAccount() {}

  UserAccount(
      String username,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      OffsetDateTime createdAt,
      String createdBy) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.roles = EnumSet.copyOf(roles);
    this.active = true;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public boolean isActive() {
    return active;
  }

  public Set<Role> getRoles() {
    return Collections.unmodifiableSet(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public long getVersion() {
    return version;
  }

  public OffsetDateTime getPasswordChangedAt() {
    return passwordChangedAt;
  }

  /** Whether signing in takes a one-time code after the password. */
  public boolean hasSecondFactor() {
    return mfaEnabledAt != null;
  }

  public OffsetDateTime getMfaEnabledAt() {
    return mfaEnabledAt;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  void changePassword(String hash, OffsetDateTime at) {
    passwordHash = hash;
    passwordChangedAt = at;
  }

  String getTotpSecret() {
    return totpSecret;
  }

  Long getTotpLastStep() {
    return totpLastStep;
  }

  /** A new secret, pending until a code confirms it; any earlier second factor ends. */
  void startSecondFactor(String secret) {
    totpSecret = secret;
    mfaEnabledAt = null;
    totpLastStep = null;
  }

  void confirmSecondFactor(long step, OffsetDateTime at) {
    totpLastStep = step;
    mfaEnabledAt = at;
  }

  void usedStep(long step) {
    totpLastStep = step;
  }

  void endSecondFactor() {
    totpSecret = null;
    mfaEnabledAt = null;
    totpLastStep = null;
  }
}
