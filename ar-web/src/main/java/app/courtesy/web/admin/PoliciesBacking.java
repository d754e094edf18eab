package app.courtesy.web.admin;

import app.courtesy.customer.Channel;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.PolicyRefusedException;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.StepMinimum;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.BusinessException;
import app.courtesy.web.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Backs {@code admin/policies.xhtml}: the default reminder policy — its steps, grace, repeat and
 * cap days, minimum amounts and thank-you — edited as a whole and saved only if it makes sense.
 */
@Named
@ViewScoped
public class PoliciesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A step as the form edits it. */
  public static final class Step implements Serializable {
    private static final long serialVersionUID = 1L;
    private Integer offsetDays;
    private Channel channel = Channel.EMAIL;
    private Tone tone = Tone.FRIENDLY;

    public Integer getOffsetDays() {
      return offsetDays;
    }

    public void setOffsetDays(Integer offsetDays) {
      this.offsetDays = offsetDays;
    }

    public Channel getChannel() {
      return channel;
    }

    public void setChannel(Channel channel) {
      this.channel = channel;
    }

    public Tone getTone() {
      return tone;
    }

    public void setTone(Tone tone) {
      this.tone = tone;
    }
  }

  /** A minimum amount as the form edits it. */
  public static final class Minimum implements Serializable {
    private static final long serialVersionUID = 1L;
    private String currency;
    private BigDecimal amount;

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

  /** A step's minimum as the form edits it: the step counted from 1 as the page shows it. */
  public static final class StepMinimumRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private Integer step = 1;
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

  @Inject private transient ReminderPolicyService policies;
  @Inject private CurrentUser currentUser;

  private long id;
  private long version;
  private String name;
  private String status;
  private int graceDays;
  private Integer repeatDays;
  private int capDays;
  private boolean thankYou;
  private List<Step> steps;
  private List<Minimum> minimums;
  private List<StepMinimumRow> stepMinimums;
  private String newName;

  @PostConstruct
  void init() {
    load(policies.defaultPolicy());
  }

  /** Opens the policy chosen in the menu. */
  public void open() {
    policies.find(id).ifPresent(this::load);
  }

  /** A new policy for customers who need their own, starting as a copy of the one shown. */
  public void createPolicy() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      load(policies.create(newName, id, currentUser.getUsername()));
      newName = null;
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Created as a copy. Change it, save it, and choose it for customers on their page.",
              null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  /** Every policy, for the menu: the default first. */
  public List<ReminderPolicy> getPolicies() {
    return policies.all();
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  private void load(ReminderPolicy policy) {
    id = policy.getId();
    version = policy.getVersion();
    name = policy.getName();
    status =
        "Last changed by "
            + policy.getUpdatedBy()
            + " on "
            + policy.getUpdatedAt().toLocalDate()
            + ".";
    PolicyData data = policy.toData();
    graceDays = data.graceDays();
    repeatDays = data.repeatDays();
    capDays = data.capDays();
    thankYou = data.thankYou();
    steps = new ArrayList<>();
    for (ReminderStep step : data.steps()) {
      Step row = new Step();
      row.setOffsetDays(step.getOffsetDays());
      row.setChannel(step.getChannel());
      row.setTone(step.getTone());
      steps.add(row);
    }
    minimums = new ArrayList<>();
    data.minimums()
        .forEach(
            (currency, amount) -> {
              Minimum row = new Minimum();
              row.setCurrency(currency);
              row.setAmount(amount.stripTrailingZeros());
              minimums.add(row);
            });
    loadStepMinimums(data);
  }

  private void loadStepMinimums(PolicyData data) {
    stepMinimums = new ArrayList<>();
    for (StepMinimum minimum : data.stepMinimums()) {
      StepMinimumRow row = new StepMinimumRow();
      row.setStep(minimum.getPosition() + 1);
      row.setCurrency(minimum.getCurrency());
      row.setAmount(minimum.getAmount().stripTrailingZeros());
      stepMinimums.add(row);
    }
  }

  public void addStepMinimum() {
    StepMinimumRow row = new StepMinimumRow();
    row.setStep(steps.size());
    row.setCurrency(minimums.isEmpty() ? null : minimums.get(0).getCurrency());
    stepMinimums.add(row);
  }

  public void removeStepMinimum(StepMinimumRow row) {
    stepMinimums.remove(row);
  }

  /** The steps a minimum can be for, counted from 1. */
  public List<Integer> getStepNumbers() {
    return IntStream.rangeClosed(1, steps.size()).boxed().toList();
  }

  /** "Step 5 · Letter · final courteous", as the steps table above shows it. */
  public String stepLabel(int number) {
    if (number < 1 || number > steps.size()) {
      return "Step " + number;
    }
    Step step = steps.get(number - 1);
    String channel = step.getChannel() == null ? "" : step.getChannel().name();
    return "Step "
        + number
        + " · "
        + (channel.isEmpty()
            ? ""
            : channel.charAt(0) + channel.substring(1).toLowerCase(Locale.ROOT))
        + (step.getTone() == null ? "" : " · " + step.getTone().label());
  }

  public List<StepMinimumRow> getStepMinimums() {
    return stepMinimums;
  }

  public void addStep() {
    Step step = new Step();
    Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    step.setOffsetDays(
        last == null || last.getOffsetDays() == null ? 0 : last.getOffsetDays() + 14);
    step.setTone(Tone.FINAL_COURTEOUS);
    steps.add(step);
  }

  public void removeStep(Step step) {
    steps.remove(step);
  }

  public void addMinimum() {
    minimums.add(new Minimum());
  }

  public void removeMinimum(Minimum minimum) {
    minimums.remove(minimum);
  }

  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      ReminderPolicy saved = policies.revise(id, data(), version, currentUser.getUsername());
      load(saved);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved.", null));
    } catch (PolicyRefusedException refused) {
      refused
          .problems()
          .forEach(
              p -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, p, null)));
    } catch (BusinessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  private PolicyData data() {
    List<ReminderStep> parts = new ArrayList<>();
    for (Step step : steps) {
      parts.add(
          new ReminderStep(
              step.getOffsetDays() == null ? 0 : step.getOffsetDays(),
              step.getChannel(),
              step.getTone()));
    }
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    for (Minimum minimum : minimums) {
      if (minimum.getCurrency() != null && !minimum.getCurrency().isBlank()) {
        amounts.put(
            minimum.getCurrency().strip().toUpperCase(Locale.ROOT),
            minimum.getAmount() == null ? BigDecimal.ZERO : minimum.getAmount());
      }
    }
    List<StepMinimum> perStep = new ArrayList<>();
    for (StepMinimumRow row : stepMinimums) {
      if (row.getCurrency() != null && !row.getCurrency().isBlank()) {
        perStep.add(
            new StepMinimum(
                row.getStep() == null ? 0 : row.getStep() - 1,
                row.getCurrency().strip().toUpperCase(Locale.ROOT),
                row.getAmount() == null ? BigDecimal.ZERO : row.getAmount()));
      }
    }
    return new PolicyData(graceDays, repeatDays, capDays, thankYou, parts, amounts, perStep);
  }

  public Channel[] getChannels() {
    return new Channel[] {Channel.EMAIL, Channel.SMS, Channel.LETTER, Channel.PHONE};
  }

  public List<Tone> getTones() {
    return Tone.forSteps();
  }

  public String getName() {
    return name;
  }

  public String getStatus() {
    return status;
  }

  public int getGraceDays() {
    return graceDays;
  }

  public void setGraceDays(int graceDays) {
    this.graceDays = graceDays;
  }

  public Integer getRepeatDays() {
    return repeatDays;
  }

  public void setRepeatDays(Integer repeatDays) {
    this.repeatDays = repeatDays;
  }

  public int getCapDays() {
    return capDays;
  }

  public void setCapDays(int capDays) {
    this.capDays = capDays;
  }

  public boolean isThankYou() {
    return thankYou;
  }

  public void setThankYou(boolean thankYou) {
    this.thankYou = thankYou;
  }

  public List<Step> getSteps() {
    return steps;
  }

  public List<Minimum> getMinimums() {
    return minimums;
  }
}
