package app.courtesy.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatePatternsTest {

  @ParameterizedTest
  @CsvSource({
    "M/d/yyyy, 2/30/2026",
    "M/d/yyyy, 2/29/2026",
    "M/d/yyyy, 13/1/2026",
    "M/d/yyyy, 4/31/2026",
    "yyyy-MM-dd, 2026-02-30",
    "yyyy-MM-dd, 2026-00-10",
    "dd.MM.yyyy, 31.06.2026",
    "uuuu-MM-dd, 2026-02-29",
    "d MMM yyyy, 30 Feb 2026"
  })
  void impossibleDatesAreRefusedNotMovedToTheEndOfTheMonth(String pattern, String value) {
    assertThatThrownBy(() -> LocalDate.parse(value, DatePatterns.formatter(pattern)))
        .isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "M/d/yyyy, 2/28/2026, 2026-02-28",
    "M/d/yyyy, 2/29/2028, 2028-02-29",
    "yyyy-MM-dd, 2026-12-31, 2026-12-31",
    "dd.MM.yyyy, 30.06.2026, 2026-06-30",
    "'on' d MMM yyyy, on 3 Mar 2026, 2026-03-03"
  })
  void realDatesAreRead(String pattern, String value, String expected) {
    assertThat(LocalDate.parse(value, DatePatterns.formatter(pattern)))
        .isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"yyyy-MM", "MM/dd", "yyyy", "HH:mm", "yyyy-MM-dd HH:mm", "qqq{", "[", "bogus"})
  void aPatternThatCannotWriteAWholeDateIsRefused(String pattern) {
    assertThat(DatePatterns.problem(pattern)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yyyy-MM-dd", "M/d/yyyy", "dd.MM.yy", "d MMM uuuu", "yyyyMMdd"})
  void ordinaryPatternsAreFine(String pattern) {
    assertThat(DatePatterns.problem(pattern)).isEmpty();
  }
}
