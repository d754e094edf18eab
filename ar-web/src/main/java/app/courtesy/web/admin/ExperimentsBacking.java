package app.courtesy.web.admin;

import app.courtesy.analytics.ReminderEffects;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.ReminderTemplateService;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.TemplateExperiment;
import app.courtesy.reminder.TemplateExperiments;
import app.courtesy.reminder.TemplateSource;
import app.courtesy.shared.BusinessException;
import app.courtesy.web.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Backs {@code admin/experiments.xhtml}: the template experiments, running and stopped, with how
 * their variants did so far; starting one on a policy step for one language with two templates
 * (both prefilled with the template in use, both checked for courtesy when it starts), and stopping
 * one. Only administrators reach the page (web.xml); the experiment records who did what.
 */
@Named
@ViewScoped
public class ExperimentsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** An experiment as the list shows it, with its policy's name and its variants' figures. */
  public record Row(
      TemplateExperiment experiment, String policy, ReminderEffects.Comparison comparison) {

    /** What the figures say so far, in words. */
    public String verdict() {
      return comparison
          .difference()
          .map(d -> d.verdict().words())
          .orElse("No reminder of both templates has been followed for 14 days yet.");
    }
  }

  @Inject private transient TemplateExperiments experiments;
  @Inject private transient ReminderPolicyService policies;
  @Inject private transient ReminderTemplateService templates;
  @Inject private transient ReminderEffects effects;
  @Inject private CurrentUser currentUser;

  private long policyId;
  private int step = 1;
  private String language = "en";
  private String name;
  private String subjectA;
  private String textA;
  private String htmlA;
  private String subjectB;
  private String textB;
  private String htmlB;
  private transient List<Row> rows;

  @PostConstruct
  void init() {
    policyId = policies.defaultPolicy().getId();
    open();
  }

  /** Fills both templates with the one in use for the chosen step's tone and language. */
  public void open() {
    List<ReminderStep> steps = getSteps();
    if (step < 1 || step > steps.size()) {
      step = 1;
    }
    TemplateSource inUse =
        templates.current(steps.get(step - 1).getTone(), Locale.forLanguageTag(language)).source();
    subjectA = inUse.subject();
    textA = inUse.text();
    htmlA = inUse.html();
    subjectB = inUse.subject();
    textB = inUse.text();
    htmlB = inUse.html();
  }

  public void start() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      TemplateExperiment started =
          experiments.start(
              policyId,
              step,
              Locale.forLanguageTag(language),
              name,
              new TemplateSource(subjectA, textA, htmlA),
              new TemplateSource(subjectB, textB, htmlB),
              currentUser.getUsername());
      rows = null;
      name = null;
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Started “"
                  + started.getName()
                  + "”: each customer written to in "
                  + started.getLanguage().getDisplayLanguage(Locale.ENGLISH)
                  + " gets template A or B at this step from the next reminder on.",
              null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  public void stop(long id) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      TemplateExperiment stopped = experiments.stop(id, currentUser.getUsername());
      rows = null;
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Stopped “"
                  + stopped.getName()
                  + "”: its customers get the template in use from the next reminder on.",
              null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  /** Every experiment, the latest started first. */
  public List<Row> getRows() {
    if (rows == null) {
      Map<Long, String> names =
          policies.all().stream()
              .collect(Collectors.toMap(ReminderPolicy::getId, ReminderPolicy::getName));
      rows =
          experiments.all().stream()
              .map(
                  e ->
                      new Row(
                          e,
                          names.getOrDefault(e.getPolicyId(), ""),
                          effects.comparison(e.getId())))
              .toList();
    }
    return rows;
  }

  public List<ReminderPolicy> getPolicies() {
    return policies.all();
  }

  /** The steps of the chosen policy, in order. */
  public List<ReminderStep> getSteps() {
    return policies
        .find(policyId)
        .map(ReminderPolicy::getSteps)
        .orElseGet(() -> policies.defaultPolicy().getSteps());
  }

  /** Each step's number with its day, channel and tone, for the choice. */
  public Map<String, Integer> getStepChoices() {
    List<ReminderStep> steps = getSteps();
    return IntStream.range(0, steps.size())
        .boxed()
        .collect(
            Collectors.toMap(
                i -> (i + 1) + " · " + words(steps.get(i)),
                i -> i + 1,
                (a, b) -> a,
                LinkedHashMap::new));
  }

  /** "3 days before the due date · email · friendly". */
  private static String words(ReminderStep step) {
    int days = step.getOffsetDays();
    String when =
        days < 0
            ? -days + " days before the due date"
            : days == 0 ? "on the due date" : days + " days after the due date";
    return when
        + " · "
        + step.getChannel().name().toLowerCase(Locale.ROOT)
        + " · "
        + step.getTone().label();
  }

  public List<Locale> getLanguages() {
    return ReminderTemplates.LANGUAGES;
  }

  public long getPolicyId() {
    return policyId;
  }

  public void setPolicyId(long policyId) {
    this.policyId = policyId;
  }

  public int getStep() {
    return step;
  }

  public void setStep(int step) {
    this.step = step;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSubjectA() {
    return subjectA;
  }

  public void setSubjectA(String subjectA) {
    this.subjectA = subjectA;
  }

  public String getTextA() {
    return textA;
  }

  public void setTextA(String textA) {
    this.textA = textA;
  }

  public String getHtmlA() {
    return htmlA;
  }

  public void setHtmlA(String htmlA) {
    this.htmlA = htmlA;
  }

  public String getSubjectB() {
    return subjectB;
  }

  public void setSubjectB(String subjectB) {
    this.subjectB = subjectB;
  }

  public String getTextB() {
    return textB;
  }

  public void setTextB(String textB) {
    this.textB = textB;
  }

  public String getHtmlB() {
    return htmlB;
  }

  public void setHtmlB(String htmlB) {
    this.htmlB = htmlB;
  }
}
