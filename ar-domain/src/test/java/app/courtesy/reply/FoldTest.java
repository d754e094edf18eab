package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldTest {

  @Test
  void foldsCaseAccentsApostrophesAndSpacesWithoutMovingCharacters() {
    String text = Fold.nfc("Réglé l’été\u00a0À BIENTÔT – Grüße");

    String folded = Fold.fold(text);

    assertThat(folded).isEqualTo("regle l'ete a bientot - gruße");
    assertThat(folded).hasSameSizeAs(text);
  }

  @Test
  void decomposedInputIsComposedFirst() {
    String decomposed = "Re\u0301gle\u0301";

    assertThat(Fold.fold(Fold.nfc(decomposed))).isEqualTo("regle");
  }
}
