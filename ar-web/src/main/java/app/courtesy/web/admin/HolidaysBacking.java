package app.courtesy.web.admin;

import app.courtesy.dunning.Holidays;
import app.courtesy.dunning.Holidays.Holiday;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Backs {@code admin/holidays.xhtml}: the holiday calendar per country, from a date on, with a day
 * added (or renamed) and removed. Nobody in a country is contacted on its holidays; their messages
 * wait for the next business day.
 */
@Named
@ViewScoped
public class HolidaysBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A country to choose, by its ISO code and its name in English. */
  public record Country(String code, String name) {}

  private static final List<Country> COUNTRIES =
      Stream.of(Locale.getISOCountries())
          .map(code -> new Country(code, displayName(code)))
          .sorted(Comparator.comparing(Country::name))
          .toList();

  @Inject private transient Holidays holidays;
  @Inject private transient Clock clock;

  private String country;
  private LocalDate date;
  private String name;
  private LocalDate from;
  private transient List<Holiday> shown;

  /** Adds the holiday, or renames the one the country already has that day. */
  public void add() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Holiday added = holidays.put(country, date, name);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              added.name()
                  + " ("
                  + countryName(added.country())
                  + ") is a holiday: nobody there is contacted that day.",
              null));
      date = null;
      name = null;
      shown = null;
    } catch (IllegalArgumentException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage() + ".", null));
      faces.validationFailed();
    }
  }

  /** Removes a holiday: messages due that day go out as on any business day. */
  public void remove(Holiday holiday) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String what = holiday.name() + " (" + countryName(holiday.country()) + ")";
    faces.addMessage(
        null,
        holidays.remove(holiday.country(), holiday.date())
            ? new FacesMessage(
                FacesMessage.SEVERITY_INFO,
                what + " is no longer a holiday: reminders go out that day.",
                null)
            : new FacesMessage(
                FacesMessage.SEVERITY_WARN,
                what + " had already been removed by someone else.",
                null));
    shown = null;
  }

  /** The holidays from the chosen date on (today unless chosen), by date. */
  public List<Holiday> getHolidays() {
    if (shown == null) {
      shown = holidays.from(getFrom());
    }
    return shown;
  }

  /** The list shows another period. */
  public void fromChanged() {
    shown = null;
  }

  public List<Country> getCountries() {
    return COUNTRIES;
  }

  /** "Germany" for DE. */
  public String countryName(String code) {
    return displayName(code);
  }

  private static String displayName(String code) {
    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public LocalDate getFrom() {
    if (from == null) {
      from = LocalDate.now(clock);
    }
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }
}
