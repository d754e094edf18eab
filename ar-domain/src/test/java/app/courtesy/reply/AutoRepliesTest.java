package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoRepliesTest {

  /** A Thursday. */
  private static final LocalDate RECEIVED = LocalDate.of(2026, 12, 3);

  private static final Function<String, String> NO_HEADERS = name -> null;

  private static Function<String, String> headers(String... nameValuePairs) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      map.put(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return map::get;
  }

  @Test
  void exchangeOutOfOfficeInEnglishIsAutomaticAndSaysWhenThePersonIsBack() {
    Function<String, String> header =
        headers(
            "auto-submitted", "auto-replied",
            "X-Auto-Response-Suppress", "All",
            "X-MS-Exchange-Inbox-Rules-Loop", "jane@example.co.uk");
    String subject = "Automatic reply: Payment reminder for invoice 4711";
    String body =
        "Thank you for your email. I am out of the office until 6 January with no access to"
            + " email.\nFor urgent matters please contact accounts@example.co.uk.";

    assertThat(AutoReplies.isAutomatic(header, subject))
        .as("the collector does not see this as the customer's answer")
        .isTrue();
    assertThat(AutoReplies.backOn(body, RECEIVED))
        .as("the collector follows up on the day she is back")
        .hasValue(LocalDate.of(2027, 1, 7));
  }

  @Test
  void exchangeOutOfOfficeInGermanIsAutomaticAndSaysWhenThePersonIsBack() {
    Function<String, String> header =
        headers("Auto-Submitted", "auto-generated", "X-Auto-Response-Suppress", "All");
    String subject = "Automatische Antwort: Zahlungserinnerung Rechnung 4711";
    String body =
        "Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich 6.1.2027 abwesend. Ihre"
            + " E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an"
            + " buchhaltung@example.de.";

    assertThat(AutoReplies.isAutomatic(header, subject)).isTrue();
    assertThat(AutoReplies.backOn(body, RECEIVED)).hasValue(LocalDate.of(2027, 1, 7));
  }

  @Test
  void exchangeOutOfOfficeInFrenchIsAutomaticAndSaysWhenThePersonIsBack() {
    Function<String, String> header = headers("X-Auto-Response-Suppress", "All");
    String subject = "Réponse automatique : Relance facture 4711";
    String body =
        "Bonjour,\n\nJe suis absente du bureau jusqu’au 6 janvier inclus. Je serai de retour le"
            + " 7 janvier.\n\nCordialement,\nMarie Dupont";

    assertThat(AutoReplies.isAutomatic(header, subject)).isTrue();
    assertThat(AutoReplies.backOn(body, RECEIVED)).hasValue(LocalDate.of(2027, 1, 7));
  }

  @Test
  void aPersonWhoWritesOutOfOfficeInTheBodyIsStillAPerson() {
    Function<String, String> outlookHeaders =
        headers("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply", "Precedence", "list");

    assertThat(
            AutoReplies.isAutomatic(
                outlookHeaders, "RE: Payment reminder for invoice 4711 (out of office)"))
        .as("only headers and subject count, and this subject starts with RE: Payment")
        .isFalse();
    assertThat(AutoReplies.isAutomatic(outlookHeaders, "Re: Invoice 4711")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "Auto-Submitted, auto-replied, true",
    "Auto-Submitted, auto-generated, true",
    "Auto-Submitted, 'auto-replied; owner-email=\"jane@example.org\"', true",
    "Auto-Submitted, No, false",
    "Auto-Submitted, 'no; comment', false",
    "X-Autoreply, yes, true",
    "X-Autorespond, Out of office, true",
    "X-Auto-Response-Suppress, All, false",
    "Precedence, bulk, true",
    "Precedence, Junk, true",
    "Precedence, auto_reply, true",
    "Precedence, list, false",
    "X-Precedence, auto_reply, true",
    "X-Precedence, first-class, false"
  })
  void headersDecide(String name, String value, boolean automatic) {
    assertThat(AutoReplies.isAutomatic(headers(name, value), "Re: Invoice 4711"))
        .as(name + ": " + value)
        .isEqualTo(automatic);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Out of Office: Payment reminder",
        "Out of the office",
        "Automatic reply: Payment reminder",
        "Auto-Reply: Invoice 4711",
        "Autoreply",
        "Auto: Invoice 4711",
        "Re: Out of Office",
        "RE: AW: Abwesenheitsnotiz: Zahlungserinnerung",
        "AW: Automatische Antwort: Zahlungserinnerung",
        "Abwesend: Rechnung 4711",
        "RE : Réponse automatique : Relance",
        "REPONSE AUTOMATIQUE",
        "Absence du bureau",
        "Absent du bureau : Relance facture",
        "Message d’absence",
        "[Out of Office] Invoice 4711",
        "RE: Respuesta automática: Recordatorio",
        "Fuera de la oficina: factura 4711",
        "R: Risposta automatica: Promemoria",
        "Fuori ufficio",
        "Antw: Automatisch antwoord: Herinnering",
        "Afwezig: factuur 4711"
      })
  void outOfOfficeSubjectsAreAutomatic(String subject) {
    assertThat(AutoReplies.isAutomatic(NO_HEADERS, subject)).as(subject).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Re: Invoice 4711",
        "Automatic payments - can we set one up?",
        "Autohaus Müller: Rechnung 4711",
        "Re: I was out of office, sorry",
        "AW: Rechnung 4711 - bin abwesend gewesen",
        "Absences et relances",
        "RE: Fuera de plazo, lo siento",
        "Afwezigheid van betaling",
        ""
      })
  void ordinarySubjectsAreNotAutomatic(String subject) {
    assertThat(AutoReplies.isAutomatic(NO_HEADERS, subject)).as(subject).isFalse();
  }

  @Test
  void missingHeadersAndSubjectMeanAPerson() {
    assertThat(AutoReplies.isAutomatic(null, null)).isFalse();
    assertThat(AutoReplies.isAutomatic(NO_HEADERS, null)).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "I will be back on 7 January. | 2027-01-07",
        "I will return on Monday 11th January 2027. | 2027-01-11",
        "I am returning 07/01/2027. | 2027-01-07",
        "I'll be back in the office on January 7. | 2027-01-07",
        "I am out of the office until 6 January. | 2027-01-07",
        "I am away till Friday. | 2026-12-05",
        "I am out from 20 December to 6 January. | 2027-01-07",
        "I am out of the office from 20 December and will be back on 7 January. | 2027-01-07",
        "Ich bin ab dem 7. Januar wieder im Büro. | 2027-01-07",
        "Ich bin bis einschließlich 6.1.2027 abwesend. | 2027-01-07",
        "Zurück am 07.01.2027. | 2027-01-07",
        "Ich bin ab dem 20.12. abwesend und ab dem 7. Januar wieder im Büro. | 2027-01-07",
        "Ich bin vom 20.12. bis 6.1. nicht im Büro. | 2027-01-07",
        "Je serai de retour le 7 janvier. | 2027-01-07",
        "Je suis absent jusqu'au 6 janvier. | 2027-01-07",
        "Du 20 décembre au 6 janvier je suis absente. | 2027-01-07",
        "I'm back tomorrow. | 2026-12-04",
        "Estaré de vuelta el 7 de enero. | 2027-01-07",
        "Estoy ausente hasta el 6 de enero. | 2027-01-07",
        "Del 20 de diciembre al 6 de enero estoy fuera de la oficina. | 2027-01-07",
        "Rientrerò in ufficio il 7 gennaio. | 2027-01-07",
        "Sono assente fino al 6 gennaio. | 2027-01-07",
        "Dal 20 dicembre al 6 gennaio sono fuori ufficio. | 2027-01-07",
        "Vanaf 7 januari ben ik weer aanwezig. | 2027-01-07",
        "Ik ben afwezig tot en met 6 januari. | 2027-01-07",
        "Ik ben terug op 7 januari. | 2027-01-07"
      })
  void readsTheDayThePersonIsBack(String text, LocalDate expected) {
    assertThat(AutoReplies.backOn(text, RECEIVED)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I am currently out of the office with limited access to email.",
        "I am out of the office from 20 December.",
        "Ich bin ab dem 20.12. abwesend.",
        "Estoy fuera de la oficina desde el 20 de diciembre.",
        "Sono fuori ufficio dal 20 dicembre.",
        "Ik ben vanaf 20 december afwezig.",
        "I was back on 2026-12-01 and will answer soon.",
        "Please pay invoice 4711 of 01.12.2026 by 10.12.2026.",
        "Back soon."
      })
  void saysNothingWhenNoReturnDayIsGiven(String text) {
    assertThat(AutoReplies.backOn(text, RECEIVED)).as(text).isEmpty();
  }

  @Test
  void aReturnDayOnOrBeforeTheReceivedDayDoesNotCount() {
    assertThat(AutoReplies.backOn("I am back today.", RECEIVED)).isEmpty();
    assertThat(AutoReplies.backOn("Out until 2026-12-02.", RECEIVED)).isEmpty();
    assertThat(AutoReplies.backOn("Out until 2026-12-03.", RECEIVED))
        .hasValue(LocalDate.of(2026, 12, 4));
  }

  @Test
  void backOnNeedsTheReceivedDay() {
    assertThat(AutoReplies.backOn(null, RECEIVED)).isEmpty();
    assertThatThrownBy(() -> AutoReplies.backOn("back on 7 January", null))
        .isInstanceOf(NullPointerException.class);
  }
}
