package app.courtesy.web.admin;

import app.courtesy.arrangement.ApprovalLimits;
import app.courtesy.arrangement.ApprovalLimits.Approver;
import app.courtesy.arrangement.ApprovalLimits.Change;
import app.courtesy.arrangement.ApprovalLimits.Limit;
import app.courtesy.arrangement.ArrangementLimits;
import app.courtesy.arrangement.ArrangementRefusedException;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementSettings;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import app.courtesy.web.CurrentUser;
import app.courtesy.web.DialogAction;
import app.courtesy.web.Formats;
import app.courtesy.web.security.Reauthentication;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Backs {@code admin/arrangements.xhtml}: how far an arrangement may go (saved with the version
 * read; when someone else saved meanwhile, the form keeps what was typed and shows their values
 * beside it), and what each approver may approve per currency, changed one limit at a time in a
 * dialog.
 */
@Named
@ViewScoped
public class ArrangementLimitsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The fields of the form and the dialog, as the service names them, with their labels. */
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("maxInstalments", "Most instalments in a plan");
    LABELS.put("maxPlanDays", "Longest plan");
    LABELS.put("maxExtensionDays", "Longest extension");
    LABELS.put("maxDiscountPercent", "Largest early-payment discount");
    LABELS.put("maxDiscountDays", "Longest time to pay for a discount");
    LABELS.put("reminderDaysBefore", "Note before each instalment");
    LABELS.put("noticeGraceDays", "Days until \"we noticed\"");
    LABELS.put("defaultGraceDays", "Days until a plan defaults");
    LABELS.put("approver", "Approver");
    LABELS.put("currency", "Currency");
    LABELS.put("amount", "Amount");
  }

  @Inject private transient ArrangementService arrangements;
  @Inject private transient ApprovalLimits approvalLimits;
  @Inject private transient Formats formats;
  @Inject private CurrentUser currentUser;
  @Inject private Reauthentication reauthentication;

  private Integer maxInstalments;
  private Integer maxPlanDays;
  private Integer maxExtensionDays;
  private BigDecimal maxDiscountPercent;
  private Integer maxDiscountDays;
  private Integer reminderDaysBefore;
  private Integer noticeGraceDays;
  private Integer defaultGraceDays;
  private long version;
  private String status;

  /** After a conflict: what is saved now, for each field where it differs from the form. */
  private Map<String, String> theirs = Map.of();

  private String approver;
  private String currency;
  private BigDecimal amount;
  private boolean changing;

  private transient List<Approver> approvers;
  private transient List<Change> changes;

  @PostConstruct
  void init() {
    load(arrangements.settings());
  }

  // ===== How far an arrangement may go =====

  private void load(ArrangementSettings settings) {
    ArrangementLimits limits = settings.limits();
    maxInstalments = limits.maxInstalments();
    maxPlanDays = limits.maxPlanDays();
    maxExtensionDays = limits.maxExtensionDays();
    maxDiscountPercent = limits.maxDiscountPercent().stripTrailingZeros();
    maxDiscountDays = limits.maxDiscountDays();
    reminderDaysBefore = limits.reminderDaysBefore();
    noticeGraceDays = limits.noticeGraceDays();
    defaultGraceDays = limits.defaultGraceDays();
    version = settings.getVersion();
    theirs = Map.of();
    status = statusOf(settings);
  }

  private String statusOf(ArrangementSettings settings) {
    return settings.getUpdatedBy() == null
        ? "As installed: nobody has changed them yet."
        : "Last changed by "
            + settings.getUpdatedBy()
            + " on "
            + formats.dateTime(settings.getUpdatedAt())
            + ".";
  }

  /** Saves the form, if nobody else saved since it was read. */
  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      reauthentication.require();
      arrangements.changeLimits(limits(), version, currentUser.getUsername());
      load(arrangements.settings());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Saved. New proposals are checked against these limits from now on.",
              null));
    } catch (ArrangementRefusedException refused) {
      refused
          .problems()
          .forEach(
              problem ->
                  faces.addMessage(
                      null,
                      new FacesMessage(FacesMessage.SEVERITY_ERROR, labelled(problem), null)));
      faces.validationFailed();
    } catch (Reauthentication.Needed needed) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, needed.getMessage(), null));
      faces.validationFailed();
    } catch (ConcurrentChangeException conflict) {
      ArrangementSettings saved = arrangements.settings();
      theirs = differences(saved.limits());
      version = saved.getVersion();
      status = statusOf(saved);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              saved.getUpdatedBy()
                  + " saved the limits at "
                  + formats.time(saved.getUpdatedAt())
                  + " while you were editing, so nothing of yours was saved. Your values are still"
                  + " in the form, and what is saved now is shown under each field that differs."
                  + " Save again to put yours in place, or take the saved limits.",
              null));
      faces.validationFailed();
    }
  }

  /** Drops what was typed and shows the limits as saved. */
  public void reload() {
    load(arrangements.settings());
  }

  private ArrangementLimits limits() {
    return new ArrangementLimits(
        maxInstalments,
        maxPlanDays,
        maxExtensionDays,
        maxDiscountPercent,
        maxDiscountDays,
        reminderDaysBefore,
        noticeGraceDays,
        defaultGraceDays);
  }

  /** The saved value of each field that differs from the form, in words. */
  private Map<String, String> differences(ArrangementLimits saved) {
    ArrangementLimits mine = limits();
    Map<String, String> differ = new LinkedHashMap<>();
    differ(differ, "maxInstalments", mine.maxInstalments(), saved.maxInstalments());
    differ(differ, "maxPlanDays", mine.maxPlanDays(), saved.maxPlanDays());
    differ(differ, "maxExtensionDays", mine.maxExtensionDays(), saved.maxExtensionDays());
    if (mine.maxDiscountPercent().compareTo(saved.maxDiscountPercent()) != 0) {
      differ.put(
          "maxDiscountPercent", saved.maxDiscountPercent().stripTrailingZeros().toPlainString());
    }
    differ(differ, "maxDiscountDays", mine.maxDiscountDays(), saved.maxDiscountDays());
    differ(differ, "reminderDaysBefore", mine.reminderDaysBefore(), saved.reminderDaysBefore());
    differ(differ, "noticeGraceDays", mine.noticeGraceDays(), saved.noticeGraceDays());
    differ(differ, "defaultGraceDays", mine.defaultGraceDays(), saved.defaultGraceDays());
    return Map.copyOf(differ);
  }

  private static void differ(Map<String, String> differ, String field, int mine, int saved) {
    if (mine != saved) {
      differ.put(field, Integer.toString(saved));
    }
  }

  /** "maxPlanDays: must be 1 or more" → "Longest plan: must be 1 or more". */
  private static String labelled(String problem) {
    int colon = problem.indexOf(": ");
    String field = colon < 0 ? "" : problem.substring(0, colon);
    return LABELS.containsKey(field) ? LABELS.get(field) + problem.substring(colon) : problem;
  }

  /** After a conflict, the value saved meanwhile for a field; null where it equals the form's. */
  public String theirs(String field) {
    return theirs.get(field);
  }

  public String getStatus() {
    return status;
  }

  // ===== What each approver may approve =====

  /** Everyone with the approver role (and anyone still holding a limit), with their limits. */
  public List<Approver> getApprovers() {
    if (approvers == null) {
      approvers = approvalLimits.approvers();
    }
    return approvers;
  }

  /** Approvers who can be given a limit, for the dialog's menu. */
  public List<Approver> getChoosable() {
    return getApprovers().stream().filter(Approver::approver).toList();
  }

  /** The latest changes to the limits, newest first. */
  public List<Change> getChanges() {
    if (changes == null) {
      changes = approvalLimits.latestChanges(10);
    }
    return changes;
  }

  private void reloadApprovers() {
    approvers = null;
    changes = null;
  }

  /** Opens the dialog on a new limit, for an approver if given. */
  public void startAdd(Approver forApprover) {
    approver = forApprover == null ? null : forApprover.username();
    currency = null;
    amount = null;
    changing = false;
  }

  /** Opens the dialog on an approver's limit in a currency. */
  public void startChange(Approver forApprover, Limit limit) {
    approver = forApprover.username();
    currency = limit.currency().getCurrencyCode();
    amount = limit.amount().amount();
    changing = true;
  }

  /** Sets the dialog's limit. */
  public void saveLimit() {
    DialogAction.run(
        "limit",
        () -> {
          Limit saved;
          reauthentication.require();
          try {
            saved = approvalLimits.set(approver, currency, amount, currentUser.getUsername());
          } catch (ArrangementRefusedException refused) {
            throw new ArrangementRefusedException(
                refused.problems().stream().map(ArrangementLimitsBacking::labelled).toList());
          }
          return nameOf(approver)
              + " may now approve proposals of up to "
              + formats.money(saved.amount())
              + " in "
              + saved.currency().getCurrencyCode()
              + ".";
        },
        this::reloadApprovers);
  }

  /** Removes an approver's limit in one currency. */
  public void remove(Approver fromApprover, Limit limit) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String code = limit.currency().getCurrencyCode();
    try {
      reauthentication.require();
      approvalLimits.remove(fromApprover.username(), code, currentUser.getUsername());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              fromApprover.displayName()
                  + " no longer approves proposals in "
                  + code
                  + "; they can still reject them.",
              null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
    reloadApprovers();
  }

  /** "set by sam on Nov 24, 2026", or nothing for a limit older than its history. */
  public String setBy(Limit limit) {
    return limit.updatedBy() == null
        ? ""
        : "set by " + limit.updatedBy() + " on " + formats.date(limit.updatedAt().toLocalDate());
  }

  /** "€25,000.00", or "none" for a change from or to no limit. */
  public String amountOf(Money money) {
    return money == null ? "none" : formats.money(money);
  }

  private String nameOf(String username) {
    return getApprovers().stream()
        .filter(a -> Objects.equals(a.username(), username))
        .map(Approver::displayName)
        .findFirst()
        .orElse(username);
  }

  // ===== Form properties =====

  public Integer getMaxInstalments() {
    return maxInstalments;
  }

  public void setMaxInstalments(Integer maxInstalments) {
    this.maxInstalments = maxInstalments;
  }

  public Integer getMaxPlanDays() {
    return maxPlanDays;
  }

  public void setMaxPlanDays(Integer maxPlanDays) {
    this.maxPlanDays = maxPlanDays;
  }

  public Integer getMaxExtensionDays() {
    return maxExtensionDays;
  }

  public void setMaxExtensionDays(Integer maxExtensionDays) {
    this.maxExtensionDays = maxExtensionDays;
  }

  public BigDecimal getMaxDiscountPercent() {
    return maxDiscountPercent;
  }

  public void setMaxDiscountPercent(BigDecimal maxDiscountPercent) {
    this.maxDiscountPercent = maxDiscountPercent;
  }

  public Integer getMaxDiscountDays() {
    return maxDiscountDays;
  }

  public void setMaxDiscountDays(Integer maxDiscountDays) {
    this.maxDiscountDays = maxDiscountDays;
  }

  public Integer getReminderDaysBefore() {
    return reminderDaysBefore;
  }

  public void setReminderDaysBefore(Integer reminderDaysBefore) {
    this.reminderDaysBefore = reminderDaysBefore;
  }

  public Integer getNoticeGraceDays() {
    return noticeGraceDays;
  }

  public void setNoticeGraceDays(Integer noticeGraceDays) {
    this.noticeGraceDays = noticeGraceDays;
  }

  public Integer getDefaultGraceDays() {
    return defaultGraceDays;
  }

  public void setDefaultGraceDays(Integer defaultGraceDays) {
    this.defaultGraceDays = defaultGraceDays;
  }

  public String getApprover() {
    return approver;
  }

  public void setApprover(String approver) {
    this.approver = approver;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  /** Whether the dialog changes an existing limit (approver and currency fixed). */
  public boolean isChanging() {
    return changing;
  }
}
