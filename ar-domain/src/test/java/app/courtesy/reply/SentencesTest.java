package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

  private static List<String> split(String text) {
    String folded = Fold.fold(Fold.nfc(text));
    List<ReplyDates.Found> dates = ReplyDates.inFolded(folded, LocalDate.of(2026, 12, 3), false);
    return Sentences.split(text, folded, dates).stream()
        .map(span -> text.substring(span.start(), span.end()))
        .toList();
  }

  @Test
  void splitsAtSentenceEndsAndLineEnds() {
    assertThat(split("Paid! Thanks? Yes.\nJane"))
        .containsExactly("Paid!", "Thanks?", "Yes.", "Jane");
  }

  @Test
  void keepsDatesAbbreviationsAndNumbersTogether() {
    assertThat(split("Am 3. Dezember, also 03.12.2026, bzw. am 3.12. bezahlt. Ref. 88 von 3.50."))
        .containsExactly(
            "Am 3. Dezember, also 03.12.2026, bzw. am 3.12. bezahlt.", "Ref. 88 von 3.50.");
  }

  @Test
  void joinsLinesWrappedInTheMiddleOfASentence() {
    assertThat(split("We paid\nyesterday.\nThanks\nJane"))
        .containsExactly("We paid\nyesterday.", "Thanks", "Jane");
  }

  @Test
  void evidenceCollapsesBlanksAndIsShortened() {
    String text = "We   paid\n yesterday.";
    assertThat(Sentences.evidence(text, new Sentences.Span(0, text.length())))
        .isEqualTo("We paid yesterday.");
    String longText = "word ".repeat(100);
    assertThat(Sentences.evidence(longText, new Sentences.Span(0, longText.length())))
        .hasSizeLessThanOrEqualTo(200)
        .endsWith("word…");
  }
}
