package app.courtesy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.courtesy.reply.AutoReplies;
import app.courtesy.reply.ReplyReading;
import app.courtesy.reply.Suggestion;
import app.courtesy.reply.Suggestion.Kind;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the demo customers write back is read as they mean it, in every language of the book. */
class DemoRepliesTest {

  /** A Thursday. */
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl"})
  void aPromiseIsSuggestedWithItsDay(String language) {
    // 2026-12-10: a week from today, the day the demo customer promises
    assertThat(ReplyReading.suggestions(DemoReplies.promise(language, "2026-12-10"), TODAY))
        .extracting(Suggestion::kind, Suggestion::date)
        .containsExactly(tuple(Kind.WILL_PAY, LocalDate.of(2026, 12, 10)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl"})
  void aPaymentIsSuggestedWithItsDayAndReference(String language) {
    // 2026-11-27: last Friday, the day the demo customer paid
    assertThat(ReplyReading.suggestions(DemoReplies.paid(language, "2026-11-27"), TODAY))
        .extracting(Suggestion::kind, Suggestion::date, Suggestion::reference)
        .containsExactly(tuple(Kind.ALREADY_PAID, LocalDate.of(2026, 11, 27), "TRF-20931"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl"})
  void anOutOfOfficeSaysWhenItsAuthorIsBack(String language) {
    // 2026-12-13: ten days from today
    assertThat(AutoReplies.backOn(DemoReplies.away(language, "2026-12-13"), TODAY))
        .hasValue(LocalDate.of(2026, 12, 13));
  }
}
