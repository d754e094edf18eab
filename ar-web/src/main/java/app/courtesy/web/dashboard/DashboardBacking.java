package app.courtesy.web.dashboard;

import app.courtesy.analytics.Granularity;
import app.courtesy.analytics.Trends;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.security.UserAccountRepository.Collector;
import app.courtesy.web.CurrentUser;
import app.courtesy.web.FileDownloads;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code dashboard/index.xhtml}: the period, currency and granularity every section of the
 * dashboard reads, and whose figures it shows. Approvers and administrators see the team's and the
 * book's figures and may narrow them to one collector; a collector sees their own figures only,
 * whatever the request says ({@link #getCollector()}).
 *
 * <p>The period opens on the last six months up to yesterday, the last day the daily run has
 * written; it may be at most {@value #LONGEST_YEARS} years long.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LONGEST_YEARS = 2;

  @Inject private transient CurrentUser currentUser;
  @Inject private transient Trends trends;
  @Inject private transient UserAccountRepository accounts;
  @Inject private transient Clock clock;
  @Inject @Any private transient Instance<DashboardSection> sections;

  private Currency currency;
  private LocalDate from;
  private LocalDate to;
  private LocalDate shownFrom;
  private LocalDate shownTo;
  private Granularity granularity = Granularity.MONTH;
  private String collector;
  private List<Currency> currencies;
  private List<Collector> collectors;

  @PostConstruct
  void init() {
    to = LocalDate.now(clock).minusDays(1);
    from = to.minusMonths(6).plusDays(1);
    shownFrom = from;
    shownTo = to;
    currencies = trends.currencies();
    currency = currencies.isEmpty() ? null : currencies.get(0);
  }

  /**
   * Shows the period chosen; an empty or too long one is refused with a message and the period
   * shown before is put back.
   */
  public void apply() {
    String refused =
        from == null || to == null || from.isAfter(to)
            ? "The period must start on or before the day it ends."
            : from.plusYears(LONGEST_YEARS).isBefore(to)
                ? "The period can be at most " + LONGEST_YEARS + " years long."
                : null;
    if (refused == null) {
      shownFrom = from;
      shownTo = to;
    } else {
      FacesContext.getCurrentInstance()
          .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused, null));
      from = shownFrom;
      to = shownTo;
    }
  }

  /** The whole dashboard as shown, every section's tables, as a PDF. */
  public StreamedContent getPdf() throws IOException {
    List<DashboardSection> shown =
        sections.stream().sorted(Comparator.comparingInt(DashboardSection::position)).toList();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    DashboardPdf.write(heading(), shown.stream().flatMap(s -> s.tables().stream()).toList(), pdf);
    return FileDownloads.of(
        pdf.toByteArray(), "courtesy-dashboard-" + to + ".pdf", "application/pdf");
  }

  /** What the PDF says it shows: whose figures, in which currency, over which period. */
  String heading() {
    String whose = getCollector() == null ? "The team" : accounts.displayName(getCollector());
    return whose
        + " · "
        + (currency == null ? "no currency" : currency.getCurrencyCode())
        + " · "
        + from
        + " to "
        + to;
  }

  /**
   * What the dashboard shows: the sections read their figures again when it changes.
   *
   * @param collector whose figures, {@code null} for the team's
   */
  public record Shown(
      Currency currency, LocalDate from, LocalDate to, Granularity granularity, String collector)
      implements Serializable {}

  public Shown getShown() {
    return new Shown(currency, from, to, granularity, getCollector());
  }

  /** Whether the viewer sees the team's and the book's figures (approvers and administrators). */
  public boolean isTeamView() {
    return currentUser.isApprover() || currentUser.isAdmin();
  }

  /**
   * The username whose figures are shown: for a collector always their own; for approvers and
   * administrators the one they chose, or {@code null} for the whole team.
   */
  public String getCollector() {
    return isTeamView() ? collector : currentUser.getUsername();
  }

  public void setCollector(String collector) {
    this.collector = collector == null || collector.isBlank() ? null : collector;
  }

  /** The active collectors, for the approvers' choice. */
  public List<Collector> getCollectors() {
    if (collectors == null) {
      collectors = accounts.activeCollectors();
    }
    return collectors;
  }

  /** The currencies with figures written, the one with the most open first. */
  public List<Currency> getCurrencies() {
    return currencies;
  }

  /** The currency whose figures are shown; {@code null} while no day has been written. */
  public Currency getCurrency() {
    return currency;
  }

  public String getCurrencyCode() {
    return currency == null ? null : currency.getCurrencyCode();
  }

  /** Chooses one of {@link #getCurrencies()}; anything else is ignored. */
  public void setCurrencyCode(String code) {
    currencies.stream()
        .filter(c -> c.getCurrencyCode().equals(code))
        .findFirst()
        .ifPresent(c -> this.currency = c);
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public Granularity getGranularity() {
    return granularity;
  }

  public void setGranularity(Granularity granularity) {
    this.granularity = granularity;
  }

  public Granularity[] getGranularities() {
    return Granularity.values();
  }
}
