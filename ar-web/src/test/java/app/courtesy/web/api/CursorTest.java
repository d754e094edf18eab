package app.courtesy.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.shared.Keyset;
import org.junit.jupiter.api.Test;

/** What a cursor carries from one page of a list to the next. */
class CursorTest {

  @Test
  void aCursorBringsBackWhereThePageEndedEvenWhenTheKeyHoldsLineBreaks() {
    Keyset after = new Keyset("Müller\nSöhne & Co", 51_050);

    String cursor = Cursor.encode("NAME", after);

    assertThat(cursor).as("safe in a URL as it is").matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.parse(cursor, "NAME")).hasValue(after);
    assertThat(Cursor.decode(null, "NAME")).isNull();
    assertThat(Cursor.decode(" ", "NAME")).isNull();
  }

  @Test
  void aCursorFitsOnlyTheOrderItCameFrom() {
    String byNumber = Cursor.encode("NUMBER", new Keyset("C-1", 7));

    assertThat(Cursor.parse(byNumber, "NUMBER")).hasValue(new Keyset("C-1", 7));
    assertThat(Cursor.parse(byNumber, "NAME")).isEmpty();
  }

  @Test
  void whatIsNoCursorIsNotReadAsOne() {
    assertThat(Cursor.parse("not a cursor!", "NAME")).isEmpty();
    assertThat(Cursor.parse("Tk9USElORw", "NAME")).as("base64 of NOTHING").isEmpty();
    assertThat(Cursor.parse(Cursor.encode("NAME", new Keyset("x", 1)) + "AAAA", "NAME")).isEmpty();
  }
}
