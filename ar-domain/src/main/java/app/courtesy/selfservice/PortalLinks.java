package app.courtesy.selfservice;

import app.courtesy.customer.ContactAddressChanged;
import app.courtesy.shared.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues, finds and revokes the links to customers' pages. A token is {@value #TOKEN_BYTES} bytes
 * (192 bits) from {@link SecureRandom}, written in URL-safe Base64; only its SHA-256 digest is
 * stored. A link opens the page for {@code AR_SELF_SERVICE_LINK_DAYS} days (60 unless configured),
 * until revoked. The forms on the page carry a second value derived from the token with a key the
 * database keeps (so every node agrees), which no other site can compute.
 */
@ApplicationScoped
@Transactional
public class PortalLinks {

  static final int TOKEN_BYTES = 24;
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;
  @Inject private PortalKey portalKey;

  @Inject
  @ConfigProperty(name = "ar.self-service.link-days", defaultValue = "60")
  private int validDays;

  private final SecureRandom random = new SecureRandom();
  private volatile byte[] formKey;

  /**
   * A new link to the customer's page, for a message to {@code contactId} (either may be null).
   *
   * @return the token: put in the message, never stored
   */
  public String issue(long customerId, Long contactId, Long messageId) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = URL_SAFE.encodeToString(bytes);
    OffsetDateTime now = OffsetDateTime.now(clock);
    em.persist(
        new PortalLink(
            customerId, contactId, messageId, Sha256.hex(token), now, now.plusDays(validDays)));
    return token;
  }

  /** The link of {@code token} if it opens the page now; empty for unknown, expired, revoked. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PortalLink> open(String token) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return find(token).filter(link -> link.opensAt(now));
  }

  /** The link of {@code token}, whether it still opens the page or not. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PortalLink> find(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return em.createQuery("select l from PortalLink l where l.tokenHash = :hash", PortalLink.class)
        .setParameter("hash", Sha256.hex(token))
        .getResultStream()
        .findFirst();
  }

  /** The customer's links, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PortalLink> ofCustomer(long customerId, int limit) {
    return em.createQuery(
            "select l from PortalLink l where l.customerId = :id order by l.createdAt desc, l.id desc",
            PortalLink.class)
        .setParameter("id", customerId)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Revokes every link of the customer that still opens the page, but {@code keep}'s.
   *
   * @return how many were revoked
   */
  public int revokeAll(long customerId, Long keep, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    // Two statements rather than ":keep is null": PostgreSQL cannot type a parameter bound to null.
    Query revoke =
        em.createQuery(
                "update PortalLink l set l.revokedAt = :now, l.revokedBy = :by"
                    + " where l.customerId = :id and l.revokedAt is null and l.expiresAt > :now"
                    + (keep == null ? "" : " and l.id <> :keep"))
            .setParameter("now", now)
            .setParameter("by", by)
            .setParameter("id", customerId);
    if (keep != null) {
      revoke.setParameter("keep", keep);
    }
    return revoke.executeUpdate();
  }

  /**
   * The ERP changed a contact's address: the links sent to them stop working; the next message
   * brings a new one.
   */
  void addressChanged(@Observes ContactAddressChanged changed) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    em.createQuery(
            "update PortalLink l set l.revokedAt = :now, l.revokedBy = :by"
                + " where l.contactId = :contact and l.revokedAt is null and l.expiresAt > :now")
        .setParameter("now", now)
        .setParameter("by", "address changed by the ERP")
        .setParameter("contact", changed.contactId())
        .executeUpdate();
  }

  /** The value the page's forms carry for {@code token}: the same on every node. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String formToken(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(formKey(), "HmacSHA256"));
      return URL_SAFE.encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  /** Whether a form's value is the one {@link #formToken} gives, compared in constant time. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean formTokenMatches(String token, String sent) {
    return sent != null
        && MessageDigest.isEqual(
            formToken(token).getBytes(StandardCharsets.US_ASCII),
            sent.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] formKey() {
    byte[] key = formKey;
    if (key == null) {
      key = HexFormat.of().parseHex(portalKey.secret());
      formKey = key;
    }
    return key;
  }
}
