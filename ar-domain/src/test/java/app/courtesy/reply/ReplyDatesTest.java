package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyDatesTest {

  /** A Thursday. */
  private static final LocalDate RECEIVED = LocalDate.of(2026, 12, 3);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We pay on 2026-12-18 | 2026-12-18",
        "Zahlung am 18.12.2026 | 2026-12-18",
        "Zahlung am 8.12. | 2026-12-08",
        "I pay 8/12/2026 | 2026-12-08",
        "I pay 08/12/26 | 2026-12-08",
        "I pay 08-12-2026 | 2026-12-08",
        "by 18 December | 2026-12-18",
        "by December 18th | 2026-12-18",
        "by the 18th of Dec | 2026-12-18",
        "by Dec. 18, 2026 | 2026-12-18",
        "bis zum 18. Dezember 2026 | 2026-12-18",
        "am 18. Dez. | 2026-12-18",
        "avant le 18 déc. | 2026-12-18",
        "le 18 décembre | 2026-12-18",
        "le 1er janvier | 2027-01-01",
        "am 2. März | 2027-03-02",
        "le 2 février | 2027-02-02",
        "le 15 août 2027 | 2027-08-15",
        "end of January | 2027-01-31",
        "fin décembre | 2026-12-31",
        "el 18 de diciembre | 2026-12-18",
        "antes del 15 de marzo de 2027 | 2027-03-15",
        "el 2 ene. | 2027-01-02",
        "a finales de enero | 2027-01-31",
        "il 18 dicembre | 2026-12-18",
        "entro il 1° marzo 2027 | 2027-03-01",
        "il 5 giu | 2027-06-05",
        "fine gennaio | 2027-01-31",
        "op 18 december | 2026-12-18",
        "voor 15 maart 2027 | 2027-03-15",
        "op 3 mrt. | 2027-03-03",
        "eind januari | 2027-01-31"
      })
  void readsTheDateACustomerWrites(String text, LocalDate expected) {
    assertThat(ReplyDates.first(text, RECEIVED))
        .as("date shown to the collector")
        .hasValue(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Friday | 2026-12-04",
        "on Friday | 2026-12-04",
        "next Monday | 2026-12-07",
        "Freitag | 2026-12-04",
        "am nächsten Montag | 2026-12-07",
        "vendredi | 2026-12-04",
        "lundi prochain | 2026-12-07",
        "Thursday | 2026-12-10",
        "today | 2026-12-03",
        "heute | 2026-12-03",
        "aujourd’hui | 2026-12-03",
        "tomorrow | 2026-12-04",
        "morgen | 2026-12-04",
        "demain | 2026-12-04",
        "übermorgen | 2026-12-05",
        "by the end of the month | 2026-12-31",
        "Ende des Monats | 2026-12-31",
        "zum Monatsende | 2026-12-31",
        "à la fin du mois | 2026-12-31",
        "el viernes | 2026-12-04",
        "el próximo lunes | 2026-12-07",
        "el lunes que viene | 2026-12-07",
        "hoy | 2026-12-03",
        "mañana | 2026-12-04",
        "pasado mañana | 2026-12-05",
        "a fin de mes | 2026-12-31",
        "venerdì | 2026-12-04",
        "lunedì prossimo | 2026-12-07",
        "oggi | 2026-12-03",
        "domani | 2026-12-04",
        "dopodomani | 2026-12-05",
        "a fine mese | 2026-12-31",
        "vrijdag | 2026-12-04",
        "volgende maandag | 2026-12-07",
        "vandaag | 2026-12-03",
        "ik betaal morgen | 2026-12-04",
        "overmorgen | 2026-12-05",
        "eind van de maand | 2026-12-31"
      })
  void readsAPromisedDayRelativeToTheDayTheReplyArrived(String text, LocalDate expected) {
    assertThat(ReplyDates.first(text, RECEIVED))
        .as("a promise made on Thursday 3 December")
        .hasValue(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "paid on Friday | 2026-11-27",
        "am Freitag überwiesen | 2026-11-27",
        "payé vendredi | 2026-11-27",
        "paid Thursday | 2026-12-03",
        "paid last Thursday | 2026-11-26",
        "letzten Montag bezahlt | 2026-11-30",
        "payé lundi dernier | 2026-11-30",
        "yesterday | 2026-12-02",
        "gestern | 2026-12-02",
        "j'ai payé hier | 2026-12-02",
        "vorgestern | 2026-12-01",
        "today | 2026-12-03",
        "on 10 December | 2025-12-10",
        "am 1.12. | 2026-12-01",
        "at the end of the month | 2026-11-30",
        "on 2026-12-10 | 2026-12-10",
        "pagado el viernes | 2026-11-27",
        "el lunes pasado | 2026-11-30",
        "ayer | 2026-12-02",
        "anteayer | 2026-12-01",
        "pagato venerdì | 2026-11-27",
        "lunedì scorso | 2026-11-30",
        "ieri | 2026-12-02",
        "l'altro ieri | 2026-12-01",
        "vrijdag betaald | 2026-11-27",
        "vorige maandag | 2026-11-30",
        "gisteren | 2026-12-02",
        "eergisteren | 2026-12-01"
      })
  void readsAReportedDayBackwardsFromTheDayTheReplyArrived(String text, LocalDate expected) {
    assertThat(ReplyDates.firstPast(text, RECEIVED))
        .as("a payment reported on Thursday 3 December")
        .hasValue(expected);
  }

  @Test
  void aDateWithoutYearThatHasPassedMeansNextYearInAPromise() {
    assertThat(ReplyDates.first("we pay on 2 December", RECEIVED))
        .hasValue(LocalDate.of(2027, 12, 2));
    assertThat(ReplyDates.first("we pay on 3 December", RECEIVED)).hasValue(RECEIVED);
  }

  @Test
  void aWeekdayNamedWithItsDateGivesThatDate() {
    assertThat(ReplyDates.first("back on Monday 11th January 2027", RECEIVED))
        .hasValue(LocalDate.of(2027, 1, 11));
    assertThat(ReplyDates.first("Zahlung am Freitag, den 11.12.", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 11));
    assertThat(ReplyDates.first("le vendredi 11 décembre", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 11));
    assertThat(ReplyDates.first("el viernes 11 de diciembre", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 11));
    assertThat(ReplyDates.first("venerdì 11 dicembre", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 11));
    assertThat(ReplyDates.first("vrijdag 11 december", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 11));
  }

  @Test
  void theFirstDateInTheTextWins() {
    assertThat(ReplyDates.first("Not on Monday but on 10.12.2026", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 7));
    assertThat(ReplyDates.first("On 10.12.2026, not Monday", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 10));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Your mail of 10:02 arrived",
        "Der Anruf um 10.02 Uhr",
        "We transferred 1.234,56 EUR",
        "It costs 3.50 now",
        "We paid £12.12.",
        "Call me on 06.12.34.56.78",
        "Call me on +44 7700 900123",
        "Invoice INV-2026-12-03 is wrong",
        "Invoice 12/2026 is wrong",
        "Version 1.2.3 of the form",
        "Guten Morgen Frau Schmidt",
        "Ich bin hier erreichbar",
        "Ik ben hier bereikbaar, je kunt me bellen",
        "Le escribo esta mañana",
        "Pagamos por la mañana",
        "Goede morgen, meneer Jansen",
        "Hemos pagado hace 2 semanas",
        "We paid 31.02.2026",
        "Payment on 31.02.",
        "Payment on 30 February",
        "We will pay next week",
        "Nothing to see"
      })
  void doesNotReadTimesAmountsNumbersOrImpossibleDatesAsDates(String text) {
    assertThat(ReplyDates.first(text, RECEIVED)).as(text).isEmpty();
    assertThat(ReplyDates.firstPast(text, RECEIVED)).as(text).isEmpty();
  }

  @Test
  void aDateWrappedOntoTheNextLineIsStillRead() {
    assertThat(ReplyDates.first("we will pay on 18\nDecember", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 18));
  }

  @Test
  void noTextMeansNoDateButTheReceivedDayIsRequired() {
    assertThat(ReplyDates.first(null, RECEIVED)).isEmpty();
    assertThat(ReplyDates.firstPast("", RECEIVED)).isEmpty();
    assertThatThrownBy(() -> ReplyDates.first("Friday", null))
        .isInstanceOf(NullPointerException.class);
  }
}
