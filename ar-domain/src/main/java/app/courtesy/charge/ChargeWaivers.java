package app.courtesy.charge;

import static app.courtesy.shared.Texts.clause;
import static app.courtesy.shared.Texts.trimmed;

import app.courtesy.arrangement.ApprovalLimits;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.customer.Customer;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Waiving late-payment charges, with four eyes: a collector proposes waiving a charge document with
 * a reason; an approver other than the proposer approves it (when their approval limit in the
 * currency covers what is open) or rejects it; an approver may also waive one directly, within
 * their limit. What was waived stays on the document and in the customer's log; a waiver is never
 * deleted.
 */
@ApplicationScoped
@Transactional
public class ChargeWaivers {

  /** A waiver as the approvals inbox and the customer's page list it. */
  public record Row(
      long id,
      String document,
      String customerNumber,
      String customerName,
      Money amount,
      String reason,
      WaiverStatus status,
      String proposedBy,
      OffsetDateTime proposedAt,
      String decidedBy,
      OffsetDateTime decidedAt,
      String decisionNote,
      long version) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private UserAccountRepository accounts;
  @Inject private WebhookEvents webhooks;
  @Inject private ApprovalLimits limits;
  @Inject private CommunicationLog log;
  @Inject private Clock clock;

  /**
   * Proposes waiving what is open on the document {@code number}; an approver decides it.
   *
   * @throws NotFoundException for an unknown document
   * @throws ChargesRefusedException when nothing is open on it, or a waiver of it already waits
   */
  public Row propose(
      String number, @NotBlank @Size(max = 1000) String reason, @NotBlank String actor) {
    ChargeDocument document = openDocument(number);
    if (pendingOf(document.getId()).isPresent()) {
      throw new ChargesRefusedException(
          "document: a waiver of " + number + " already waits for an approver");
    }
    ChargeWaiver waiver =
        new ChargeWaiver(document, reason.strip(), actor, OffsetDateTime.now(clock));
    em.persist(waiver);
    note(
        document,
        actor,
        "Waiver of "
            + describe(document)
            + " proposed by "
            + actor
            + ": "
            + clause(reason)
            + ". It waits for an approver.");
    return row(waiver, document);
  }

  /**
   * An approver waives what is open on the document at once, within their limit.
   *
   * @throws NotAllowedException when {@code actor} is not an approver or their limit does not cover
   *     it
   */
  public Row waive(
      String number, @NotBlank @Size(max = 1000) String reason, @NotBlank String actor) {
    ChargeDocument document = openDocument(number);
    approverFor(document.getOpen(), actor)
        .ifPresent(
            why -> {
              throw new NotAllowedException(why);
            });
    OffsetDateTime now = OffsetDateTime.now(clock);
    pendingOf(document.getId())
        .ifPresent(
            pending ->
                pending.decide(WaiverStatus.APPROVED, actor, "waived directly by " + actor, now));
    ChargeWaiver waiver = new ChargeWaiver(document, reason.strip(), actor, now);
    waiver.decide(WaiverStatus.APPROVED, actor, null, now);
    em.persist(waiver);
    waive(document, actor, reason.strip(), now);
    note(document, actor, describe(document) + " waived by " + actor + ": " + clause(reason) + ".");
    return row(waiver, document);
  }

  /**
   * Approves a pending waiver: what is open on its document now is waived.
   *
   * @throws NotAllowedException when {@code actor} is not an approver, proposed it, or their limit
   *     does not cover it
   */
  public Row approve(
      long id, long readVersion, @Size(max = 1000) String note, @NotBlank String actor) {
    ChargeWaiver waiver = pending(id, readVersion);
    ChargeDocument document = lockedDocument(waiver.getDocumentId());
    whyNot(waiver, document, actor, true)
        .ifPresent(
            why -> {
              throw new NotAllowedException(why);
            });
    if (document.getStatus() != ChargeStatus.OPEN || document.getOpen().amount().signum() == 0) {
      throw new ChargesRefusedException(
          "document: " + document.getNumber() + " was settled since; nothing is left to waive");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    waiver.decide(WaiverStatus.APPROVED, actor, trimmed(note), now);
    String text =
        describe(document)
            + " waived: "
            + actor
            + " approved "
            + waiver.getProposedBy()
            + "'s proposal ("
            + clause(waiver.getReason())
            + ")"
            + (trimmed(note) == null ? "." : ": " + clause(note) + ".");
    waive(document, actor, waiver.getReason(), now);
    note(document, actor, text);
    return row(waiver, document);
  }

  /** Waives what is open on the document, and tells the ERP. */
  private void waive(ChargeDocument document, String actor, String reason, OffsetDateTime now) {
    Money open = document.getOpen();
    document.waive(actor, reason, now);
    webhooks.publish(
        EventType.CHARGE_WAIVED,
        Payload.about(em.find(Customer.class, document.getCustomerId()).getNumber())
            .text("documentNumber", document.getNumber())
            .money("waived", open)
            .text("waivedBy", actor)
            .text("reason", reason));
  }

  /** Rejects a pending waiver with a reason: the charge stands. */
  public Row reject(
      long id, long readVersion, @NotBlank @Size(max = 1000) String note, @NotBlank String actor) {
    ChargeWaiver waiver = pending(id, readVersion);
    ChargeDocument document = lockedDocument(waiver.getDocumentId());
    whyNot(waiver, document, actor, false)
        .ifPresent(
            why -> {
              throw new NotAllowedException(why);
            });
    waiver.decide(WaiverStatus.REJECTED, actor, note.strip(), OffsetDateTime.now(clock));
    note(
        document,
        actor,
        "Waiver of "
            + describe(document)
            + " rejected by "
            + actor
            + ": "
            + clause(note)
            + ". The charge stands.");
    return row(waiver, document);
  }

  /**
   * Why {@code actor} may not decide the waiver, in words for them; empty when they may.
   *
   * @param approving approving also needs a limit that covers what is open; rejecting does not
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> whyNot(Row row, String actor, boolean approving) {
    ChargeWaiver waiver = find(row.id());
    return whyNot(waiver, em.find(ChargeDocument.class, waiver.getDocumentId()), actor, approving);
  }

  /** The waivers waiting for an approver, the longest waiting first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Row> pending() {
    return rows(
        "select w, d from ChargeWaiver w, ChargeDocument d where d.id = w.documentId"
            + " and w.status = app.courtesy.charge.WaiverStatus.PENDING"
            + " order by w.proposedAt, w.id",
        null);
  }

  /** The customer's waivers, decided or not, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Row> ofCustomer(long customerId) {
    return rows(
        "select w, d from ChargeWaiver w, ChargeDocument d where d.id = w.documentId"
            + " and d.customerId = :customer order by w.proposedAt desc, w.id desc",
        customerId);
  }

  /** The waiver {@code id}, as the inbox lists it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Row get(long id) {
    ChargeWaiver waiver = find(id);
    return row(waiver, em.find(ChargeDocument.class, waiver.getDocumentId()));
  }

  private List<Row> rows(String query, Long customerId) {
    var typed = em.createQuery(query, Object[].class);
    if (customerId != null) {
      typed.setParameter("customer", customerId);
    }
    return typed.getResultList().stream()
        .map(found -> row((ChargeWaiver) found[0], (ChargeDocument) found[1]))
        .toList();
  }

  private Row row(ChargeWaiver waiver, ChargeDocument document) {
    Customer customer = em.find(Customer.class, document.getCustomerId());
    return new Row(
        waiver.getId(),
        document.getNumber(),
        customer.getNumber(),
        customer.getName(),
        waiver.getAmount(),
        waiver.getReason(),
        waiver.getStatus(),
        waiver.getProposedBy(),
        waiver.getProposedAt(),
        waiver.getDecidedBy().orElse(null),
        waiver.getDecidedAt().orElse(null),
        waiver.getDecisionNote().orElse(null),
        waiver.getVersion());
  }

  private Optional<String> whyNot(
      ChargeWaiver waiver, ChargeDocument document, String actor, boolean approving) {
    if (waiver.getProposedBy().equals(actor)) {
      return Optional.of(
          "You proposed this waiver, so another approver decides it (four-eyes rule).");
    }
    if (!approving) {
      return approver(actor).isPresent()
          ? Optional.empty()
          : Optional.of("Only an approver can decide a waiver.");
    }
    return approverFor(document.getOpen(), actor);
  }

  /** Why {@code actor} may not waive {@code open}; empty when they may. */
  private Optional<String> approverFor(Money open, String actor) {
    Optional<UserAccount> account = approver(actor);
    if (account.isEmpty()) {
      return Optional.of("Only an approver can waive a charge.");
    }
    Optional<BigDecimal> limit = limits.of(account.get(), open.currency());
    Money amount = new Money(open.amount().abs(), open.currency());
    if (limit.isEmpty()) {
      return Optional.of(
          "You have no approval limit in "
              + open.currency().getCurrencyCode()
              + "; an approver with one decides it.");
    }
    if (limit.get().compareTo(amount.amount()) < 0) {
      return Optional.of(
          amount.format(Locale.UK)
              + " is above your approval limit of "
              + new Money(limit.get(), open.currency()).format(Locale.UK)
              + "; an approver whose limit covers it decides it.");
    }
    return Optional.empty();
  }

  private Optional<UserAccount> approver(String actor) {
    return accounts.findByUsername(actor).filter(account -> account.hasRole(Role.APPROVER));
  }

  private ChargeWaiver find(long id) {
    ChargeWaiver waiver = em.find(ChargeWaiver.class, id);
    if (waiver == null) {
      throw new NotFoundException("Waiver", id);
    }
    return waiver;
  }

  /**
   * The waiver, pending and as the caller read it, locked until the transaction ends: of two
   * approvers deciding it at once, the second sees the first one's decision.
   */
  private ChargeWaiver pending(long id, long readVersion) {
    ChargeWaiver waiver = find(id);
    em.refresh(waiver, LockModeType.PESSIMISTIC_WRITE);
    waiver.requireVersion(readVersion);
    if (waiver.getStatus() != WaiverStatus.PENDING) {
      throw new ChargesRefusedException("waiver: it was decided already");
    }
    return waiver;
  }

  private Optional<ChargeWaiver> pendingOf(long documentId) {
    return em.createQuery(
            "select w from ChargeWaiver w where w.documentId = :document"
                + " and w.status = app.courtesy.charge.WaiverStatus.PENDING",
            ChargeWaiver.class)
        .setParameter("document", documentId)
        .getResultStream()
        .findFirst();
  }

  /** The document, locked, with something open on it. */
  private ChargeDocument openDocument(String number) {
    ChargeDocument document =
        em.createQuery(
                "select d from ChargeDocument d where d.number = :number", ChargeDocument.class)
            .setParameter("number", number)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Charge document", number));
    em.refresh(document, LockModeType.PESSIMISTIC_WRITE);
    if (document.getStatus() != ChargeStatus.OPEN
        || document.isCredit()
        || document.getOpen().amount().signum() == 0) {
      throw new ChargesRefusedException(
          "document: "
              + number
              + " is "
              + document.getStatus().name().toLowerCase(Locale.ROOT)
              + "; nothing is open to waive");
    }
    return document;
  }

  private ChargeDocument lockedDocument(long id) {
    return em.find(ChargeDocument.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  private static String describe(ChargeDocument document) {
    return "charge " + document.getNumber() + " (" + document.getOpen().format(Locale.UK) + ")";
  }

  private void note(ChargeDocument document, String actor, String detail) {
    log.append(Entry.note(document.getCustomerId(), clock.instant(), actor, detail));
  }
}
