package app.courtesy.arrangement;

import app.courtesy.security.Role;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each approver may approve, per currency; administrators set and remove the limits. A limit
 * is a plain amount of one currency, never converted: a proposal is approved only by an approver
 * whose limit in its currency covers it (see {@link ArrangementService#whyNot}). Only users with
 * the approver role get limits. Every change is kept with who made it and when, removals included.
 *
 * <pre>{@code
 * limits.set("avery", "EUR", new BigDecimal("25000"), "sam");   // avery approves up to €25,000
 * limits.set("avery", "JPY", new BigDecimal("3000000"), "sam");
 * limits.remove("avery", "EUR", "sam");                         // and no EUR proposal any more
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class ApprovalLimits {

  /** Digits before the decimal point that {@code numeric(19,4)} holds. */
  private static final int MAX_WHOLE_DIGITS = 15;

  /** An approver's limit in one currency, and who set it when (unknown for older limits). */
  public record Limit(Money amount, String updatedBy, OffsetDateTime updatedAt) {

    public Currency currency() {
      return amount.currency();
    }
  }

  /**
   * Someone who has (or had) the approver role, with their limits by currency code.
   *
   * @param approver false for a user who holds limits but is no approver any more: the limits count
   *     for nothing until the role is back, and can be removed
   */
  public record Approver(
      String username, String displayName, boolean active, boolean approver, List<Limit> limits) {}

  /**
   * A change to a limit.
   *
   * @param before null when there was no limit in the currency
   * @param after null when the limit was removed
   */
  public record Change(
      String username,
      String displayName,
      Currency currency,
      Money before,
      Money after,
      String changedBy,
      OffsetDateTime changedAt) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private SecurityEvents events;
  @Inject private UserAccountRepository accounts;
  @Inject private Clock clock;

  /** An approver's limit in one currency, if they have one: what they may approve or waive. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<BigDecimal> of(UserAccount account, Currency currency) {
    return Optional.ofNullable(
            em.find(
                ApprovalLimit.class,
                new ApprovalLimit.Key(account.getId(), currency.getCurrencyCode())))
        .map(ApprovalLimit::getAmount);
  }

  /**
   * Every user with the approver role, and anyone else who still holds a limit, by username; each
   * with their limits by currency code.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Approver> approvers() {
    Map<Long, List<ApprovalLimit>> byUser =
        em
            .createQuery("select l from ApprovalLimit l order by l.currency", ApprovalLimit.class)
            .getResultList()
            .stream()
            .collect(Collectors.groupingBy(ApprovalLimit::getUserId));
    return accounts.findAll().stream()
        .filter(user -> user.hasRole(Role.APPROVER) || byUser.containsKey(user.getId()))
        .map(
            user ->
                new Approver(
                    user.getUsername(),
                    user.getDisplayName(),
                    user.isActive(),
                    user.hasRole(Role.APPROVER),
                    byUser.getOrDefault(user.getId(), List.of()).stream()
                        .map(ApprovalLimits::limit)
                        .toList()))
        .toList();
  }

  /**
   * Sets an approver's limit in a currency, adding it or changing it; the same amount again changes
   * nothing.
   *
   * @param currency an ISO 4217 code, any case
   * @param amount not negative, with no more decimals than the currency has
   * @throws ArrangementRefusedException naming each field that is wrong: {@code approver} (unknown,
   *     or without the approver role), {@code currency}, {@code amount}
   */
  public Limit set(String approver, String currency, BigDecimal amount, @NotBlank String actor) {
    List<String> problems = new ArrayList<>();
    Optional<UserAccount> account = account(approver, problems);
    if (account.isPresent() && !account.get().hasRole(Role.APPROVER)) {
      problems.add(
          "approver: "
              + account.get().getDisplayName()
              + " ("
              + account.get().getUsername()
              + ") is not an approver; only approvers decide arrangements");
    }
    Optional<Currency> money = currency(currency, problems);
    if (amount == null) {
      problems.add("amount: please enter the most they may approve");
    } else if (amount.signum() < 0) {
      problems.add("amount: must not be negative");
    } else if (amount.precision() - amount.scale() > MAX_WHOLE_DIGITS) {
      problems.add("amount: at most " + MAX_WHOLE_DIGITS + " digits before the decimal point");
    } else if (money.isPresent() && places(amount) > digits(money.get())) {
      problems.add(
          "amount: "
              + money.get().getCurrencyCode()
              + (digits(money.get()) == 0
                  ? " amounts have no decimal places"
                  : " amounts have at most " + digits(money.get()) + " decimal places"));
    }
    if (!problems.isEmpty()) {
      throw new ArrangementRefusedException(problems);
    }
    long userId = account.orElseThrow().getId();
    String code = money.orElseThrow().getCurrencyCode();
    OffsetDateTime now = OffsetDateTime.now(clock);
    ApprovalLimit limit = em.find(ApprovalLimit.class, new ApprovalLimit.Key(userId, code));
    if (limit == null) {
      limit = new ApprovalLimit(userId, code, amount, actor, now);
      em.persist(limit);
      em.persist(new ApprovalLimitChange(userId, code, null, amount, actor, now));
      limitChanged(account.get(), code, null, amount, actor);
    } else if (limit.getAmount().compareTo(amount) != 0) {
      em.persist(new ApprovalLimitChange(userId, code, limit.getAmount(), amount, actor, now));
      limitChanged(account.get(), code, limit.getAmount(), amount, actor);
      limit.change(amount, actor, now);
    }
    return limit(limit);
  }

  /**
   * Removes an approver's limit in a currency: they approve nothing in it any more (they may still
   * reject).
   *
   * @throws NotFoundException when the user or their limit in the currency does not exist
   * @throws ArrangementRefusedException when the currency is no ISO 4217 code
   */
  public void remove(String approver, String currency, @NotBlank String actor) {
    List<String> problems = new ArrayList<>();
    Optional<Currency> money = currency(currency, problems);
    if (!problems.isEmpty()) {
      throw new ArrangementRefusedException(problems);
    }
    UserAccount account =
        accounts
            .findByUsername(approver == null ? "" : approver.strip())
            .orElseThrow(() -> new NotFoundException("User", approver));
    String code = money.orElseThrow().getCurrencyCode();
    ApprovalLimit limit =
        Optional.ofNullable(
                em.find(ApprovalLimit.class, new ApprovalLimit.Key(account.getId(), code)))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "An approval limit in " + code + " for", account.getUsername()));
    em.persist(
        new ApprovalLimitChange(
            account.getId(), code, limit.getAmount(), null, actor, OffsetDateTime.now(clock)));
    limitChanged(account, code, limit.getAmount(), null, actor);
    em.remove(limit);
  }

  private void limitChanged(
      UserAccount approver, String currency, BigDecimal from, BigDecimal to, String actor) {
    events.record(
        SecurityEventKind.APPROVAL_LIMIT_CHANGED,
        actor,
        null,
        approver.getUsername()
            + " in "
            + currency
            + ": "
            + (from == null ? "none" : from.toPlainString())
            + " → "
            + (to == null ? "none" : to.toPlainString()));
  }

  /** The latest changes to any limit, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Change> latestChanges(int max) {
    Map<Long, UserAccount> users =
        accounts.findAll().stream()
            .collect(Collectors.toMap(UserAccount::getId, Function.identity()));
    return em
        .createQuery(
            "select c from ApprovalLimitChange c order by c.changedAt desc, c.id desc",
            ApprovalLimitChange.class)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(
            c -> {
              Currency currency = Currency.getInstance(c.getCurrency());
              UserAccount user = users.get(c.getUserId());
              return new Change(
                  user.getUsername(),
                  user.getDisplayName(),
                  currency,
                  c.getOldAmount() == null ? null : new Money(c.getOldAmount(), currency),
                  c.getNewAmount() == null ? null : new Money(c.getNewAmount(), currency),
                  c.getChangedBy(),
                  c.getChangedAt());
            })
        .toList();
  }

  private Optional<UserAccount> account(String approver, List<String> problems) {
    if (approver == null || approver.isBlank()) {
      problems.add("approver: please choose an approver");
      return Optional.empty();
    }
    Optional<UserAccount> account = accounts.findByUsername(approver.strip());
    if (account.isEmpty()) {
      problems.add("approver: nobody signs in as " + approver.strip());
    }
    return account;
  }

  /** The currency of an ISO 4217 code in any case, or a problem saying what is wrong with it. */
  private static Optional<Currency> currency(String code, List<String> problems) {
    String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (upper.isEmpty()) {
      problems.add("currency: please enter an ISO currency code such as EUR");
      return Optional.empty();
    }
    try {
      Currency currency = Currency.getInstance(upper);
      if (digits(currency) < 0) {
        problems.add("currency: " + upper + " is not a currency invoices are written in");
        return Optional.empty();
      }
      return Optional.of(currency);
    } catch (IllegalArgumentException unknown) {
      problems.add("currency: " + code.strip() + " is not an ISO currency code such as EUR or USD");
      return Optional.empty();
    }
  }

  /** Decimal places of the currency's minor unit; negative for gold, test codes and the like. */
  private static int digits(Currency currency) {
    return currency.getDefaultFractionDigits();
  }

  private static int places(BigDecimal amount) {
    return Math.max(amount.stripTrailingZeros().scale(), 0);
  }

  private static Limit limit(ApprovalLimit limit) {
    return new Limit(
        new Money(limit.getAmount(), Currency.getInstance(limit.getCurrency())),
        limit.getUpdatedBy(),
        limit.getUpdatedAt());
  }
}
