package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsKeywordsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "STOP",
        "stop",
        "stop.",
        "  Stop!  ",
        "STOP ALL",
        "stopall",
        "Unsubscribe",
        "CANCEL",
        "end",
        "Quit",
        "OPT OUT",
        "opt-out",
        "OPTOUT",
        "STOPP",
        "Abmelden",
        "ABBESTELLEN",
        "Ende",
        "ARRET",
        "Arrêt",
        "STOP SMS",
        "DESABONNER",
        "Désabonner",
        "BAJA",
        "Baja.",
        "dar de baja",
        "Darme de baja",
        "CANCELLAMI",
        "Disiscrivimi",
        "AFMELDEN",
        "Uitschrijven",
        "\"STOP\"",
        "STOP 🛑",
        "👋 stop"
      })
  void optOutKeywordsStopMessages(String text) {
    assertThat(SmsKeywords.isStop(text))
        .as("the collector's system must stop texting after: " + text)
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Stop sending me these, I paid yesterday",
        "please stop",
        "STOP IT NOW I PAID",
        "stopped",
        "I will pay at the end",
        "Ende des Monats",
        "Por favor, denme de baja de los avisos, ya he pagado",
        "baja la tensión",
        "Cancellami la fattura, è già pagata",
        "Ik wil me afmelden voor sms",
        "Paid",
        "",
        "   ",
        "🛑"
      })
  void sentencesThatMentionAKeywordAreAPersonTalking(String text) {
    assertThat(SmsKeywords.isStop(text))
        .as("a collector must read this message, it is not an opt-out: " + text)
        .isFalse();
  }

  @Test
  void noMessageIsNoOptOut() {
    assertThat(SmsKeywords.isStop(null)).isFalse();
  }
}
