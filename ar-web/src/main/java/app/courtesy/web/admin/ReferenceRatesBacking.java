package app.courtesy.web.admin;

import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.charge.ReferenceRateKind;
import app.courtesy.charge.ReferenceRates;
import app.courtesy.web.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Backs {@code admin/rates.xhtml}: the reference rates statutory interest is reckoned from, as an
 * administrator records them (no outside feed), which of them apply this half-year and the next,
 * and what interest waits for.
 */
@Named
@ViewScoped
public class ReferenceRatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient ReferenceRates rates;
  @Inject private transient Clock clock;
  @Inject private CurrentUser currentUser;

  private ReferenceRateKind kind = ReferenceRateKind.EU_REFERENCE;
  private LocalDate validFrom;
  private BigDecimal rate;
  private String note;
  private transient List<ReferenceRates.Rate> shown;

  /** Records the rate (or replaces the one of that kind and day). */
  public void record() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      ReferenceRates.Rate recorded =
          rates.record(kind, validFrom, rate, note, currentUser.getUsername());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              recorded.kind().label()
                  + " of "
                  + recorded.rate().stripTrailingZeros().toPlainString()
                  + " % recorded, in force from "
                  + recorded.validFrom()
                  + ".",
              null));
      validFrom = null;
      rate = null;
      note = null;
      shown = null;
    } catch (ChargesRefusedException refused) {
      refused
          .problems()
          .forEach(
              p -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, p, null)));
      faces.validationFailed();
    }
  }

  public void remove(ReferenceRates.Rate shownRate) {
    FacesContext faces = FacesContext.getCurrentInstance();
    boolean removed = rates.remove(shownRate.kind(), shownRate.validFrom());
    faces.addMessage(
        null,
        new FacesMessage(
            removed ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
            removed
                ? "The rate in force from " + shownRate.validFrom() + " is removed."
                : "Someone else removed it already.",
            null));
    shown = null;
  }

  public List<ReferenceRates.Rate> getRates() {
    if (shown == null) {
      shown = rates.list();
    }
    return shown;
  }

  public List<ReferenceRates.Applies> getApplicable() {
    return rates.applicable(LocalDate.now(clock));
  }

  /** What interest waited for at the latest charged date; null when nothing. */
  public String getWaitingFor() {
    return rates.waitingFor().orElse(null);
  }

  public List<ReferenceRateKind> getKinds() {
    return Arrays.asList(ReferenceRateKind.values());
  }

  public ReferenceRateKind getKind() {
    return kind;
  }

  public void setKind(ReferenceRateKind kind) {
    this.kind = kind;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate validFrom) {
    this.validFrom = validFrom;
  }

  public BigDecimal getRate() {
    return rate;
  }

  public void setRate(BigDecimal rate) {
    this.rate = rate;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
