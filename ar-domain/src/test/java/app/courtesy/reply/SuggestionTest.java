package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.reply.Suggestion.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SuggestionTest {

  @Test
  void aPromiseToPayAlwaysCarriesItsDate() {
    assertThatThrownBy(() -> new Suggestion(Kind.WILL_PAY, null, null, "We will pay soon."))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kindAndEvidenceAreRequiredSoACollectorAlwaysSeesWhy() {
    assertThatThrownBy(() -> new Suggestion(null, null, null, "text"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Suggestion(Kind.DISPUTE, null, null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void alreadyPaidMayLackDateAndReference() {
    Suggestion paid = new Suggestion(Kind.ALREADY_PAID, null, null, "Paid.");

    assertThat(paid.date()).isNull();
    assertThat(paid.reference()).isNull();
    assertThat(new Suggestion(Kind.WILL_PAY, LocalDate.of(2026, 12, 4), null, "Friday").date())
        .isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @Test
  void kindsAreListedInTheOrderSuggestionsAreShown() {
    assertThat(Kind.values())
        .containsExactly(
            Kind.ALREADY_PAID, Kind.WILL_PAY, Kind.DISPUTE, Kind.HARDSHIP, Kind.INVOICE_COPY);
  }
}
