package app.courtesy.web.admin;

import app.courtesy.charge.ChargePolicies;
import app.courtesy.charge.ChargeTerms;
import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.charge.InterestBasis;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.shared.BusinessException;
import app.courtesy.web.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Backs the late-payment charges section of {@code admin/policies.xhtml}: the charges of the policy
 * chosen there (interest, compensation, fees per step and currency, whether reminders show them),
 * saved on their own with the version read.
 */
@Named
@ViewScoped
public class PolicyChargesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A fee as the form edits it: a step (from 1), a currency, an amount. */
  public static final class Fee implements Serializable {
    private static final long serialVersionUID = 1L;
    private Integer step;
    private String currency;
    private BigDecimal amount;

    public Integer getStep() {
      return step;
    }

    public void setStep(Integer step) {
      this.step = step;
    }

    public String getCurrency() {
      return currency;
    }

    public void setCurrency(String currency) {
      this.currency = currency;
    }

    public BigDecimal getAmount() {
      return amount;
    }

    public void setAmount(BigDecimal amount) {
      this.amount = amount;
    }
  }

  @Inject private transient ChargePolicies charges;
  @Inject private transient ReminderPolicyService policies;
  @Inject private PoliciesBacking policy;
  @Inject private CurrentUser currentUser;

  private Long loadedFor;
  private long version;
  private String status;
  private InterestBasis interest;
  private BigDecimal margin;
  private BigDecimal monthlyRate;
  private boolean compensation;
  private boolean showInReminders;
  private List<Fee> fees;

  /** Reads the charges of the policy chosen on the page, when another was chosen since. */
  private void current() {
    if (loadedFor == null || loadedFor != policy.getId()) {
      load(charges.of(policy.getId()));
    }
  }

  private void load(ChargePolicies.Saved saved) {
    loadedFor = saved.policyId();
    version = saved.version();
    status =
        saved.updatedBy() == null
            ? "This policy charges nothing: no fee, no interest."
            : "Last changed by "
                + saved.updatedBy()
                + " on "
                + saved.updatedAt().toLocalDate()
                + ".";
    ChargeTerms terms = saved.terms();
    interest = terms.interest();
    margin =
        terms.interest() == InterestBasis.EU_DIRECTIVE
            ? terms.effectiveMargin().stripTrailingZeros()
            : ChargeTerms.STATUTORY_MARGIN.stripTrailingZeros();
    monthlyRate = terms.monthlyRate() == null ? null : terms.monthlyRate().stripTrailingZeros();
    compensation = terms.compensation();
    showInReminders = terms.showInReminders();
    fees = new ArrayList<>();
    for (ChargeTerms.StepFee saved1 : terms.fees()) {
      Fee fee = new Fee();
      fee.setStep(saved1.step());
      fee.setCurrency(saved1.currency());
      fee.setAmount(saved1.amount().stripTrailingZeros());
      fees.add(fee);
    }
  }

  public void addFee() {
    current();
    Fee fee = new Fee();
    List<SelectItem> steps = getSteps();
    fee.setStep(steps.isEmpty() ? null : (Integer) steps.get(steps.size() - 1).getValue());
    fee.setCurrency("EUR");
    fees.add(fee);
  }

  public void removeFee(Fee fee) {
    fees.remove(fee);
  }

  public void save() {
    current();
    FacesContext faces = FacesContext.getCurrentInstance();
    List<ChargeTerms.StepFee> saved = new ArrayList<>();
    for (Fee fee : fees) {
      saved.add(
          new ChargeTerms.StepFee(
              fee.getStep() == null ? 0 : fee.getStep(),
              fee.getCurrency() == null ? null : fee.getCurrency().strip().toUpperCase(Locale.ROOT),
              fee.getAmount()));
    }
    try {
      load(
          charges.revise(
              loadedFor,
              new ChargeTerms(
                  interest,
                  interest == InterestBasis.EU_DIRECTIVE ? margin : null,
                  interest == InterestBasis.CONTRACTUAL ? monthlyRate : null,
                  compensation && interest != null && interest.isStatutory(),
                  showInReminders,
                  saved),
              version,
              currentUser.getUsername()));
      faces.addMessage(
          "charges", new FacesMessage(FacesMessage.SEVERITY_INFO, "Charges saved.", null));
    } catch (ChargesRefusedException refused) {
      refused
          .problems()
          .forEach(
              p ->
                  faces.addMessage(
                      "charges", new FacesMessage(FacesMessage.SEVERITY_ERROR, p, null)));
    } catch (BusinessException refused) {
      faces.addMessage(
          "charges", new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  /** The policy's steps after the due date, which may carry a fee, for the menu. */
  public List<SelectItem> getSteps() {
    List<SelectItem> items = new ArrayList<>();
    ReminderPolicy shown = policies.find(policy.getId()).orElse(null);
    if (shown == null) {
      return items;
    }
    List<ReminderStep> steps = shown.getSteps();
    for (int i = 0; i < steps.size(); i++) {
      ReminderStep step = steps.get(i);
      if (step.getOffsetDays() > 0) {
        items.add(
            new SelectItem(
                i + 1,
                "Step "
                    + (i + 1)
                    + " (day "
                    + step.getOffsetDays()
                    + ", "
                    + step.getTone().label()
                    + ")"));
      }
    }
    return items;
  }

  public List<InterestBasis> getBases() {
    return Arrays.asList(InterestBasis.values());
  }

  public String getStatus() {
    current();
    return status;
  }

  public InterestBasis getInterest() {
    current();
    return interest;
  }

  public void setInterest(InterestBasis interest) {
    this.interest = interest;
  }

  public BigDecimal getMargin() {
    current();
    return margin;
  }

  public void setMargin(BigDecimal margin) {
    this.margin = margin;
  }

  public BigDecimal getMonthlyRate() {
    current();
    return monthlyRate;
  }

  public void setMonthlyRate(BigDecimal monthlyRate) {
    this.monthlyRate = monthlyRate;
  }

  public boolean isCompensation() {
    current();
    return compensation;
  }

  public void setCompensation(boolean compensation) {
    this.compensation = compensation;
  }

  public boolean isShowInReminders() {
    current();
    return showInReminders;
  }

  public void setShowInReminders(boolean showInReminders) {
    this.showInReminders = showInReminders;
  }

  public List<Fee> getFees() {
    current();
    return fees;
  }
}
