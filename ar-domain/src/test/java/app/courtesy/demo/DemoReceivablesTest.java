package app.courtesy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.demo.DemoReceivables.Row;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoReceivablesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private final List<Row> book = DemoReceivables.asOf(TODAY);

  @Test
  void keepsEveryInvoiceAndCustomerOfTheSample() {
    assertThat(book).hasSize(2466);
    assertThat(book.stream().map(Row::customerNumber).distinct()).hasSize(100);
  }

  @Test
  void newestInvoiceWasIssuedThreeDaysAgo() {
    assertThat(book.stream().map(Row::issueDate).max(LocalDate::compareTo))
        .contains(TODAY.minusDays(3));
  }

  @Test
  void mostInvoicesArePaidAndNonePaidInTheFuture() {
    long paid = book.stream().filter(Row::isPaid).count();
    assertThat(paid).isGreaterThan(book.size() * 9 / 10);
    assertThat(book.stream().filter(Row::isPaid).map(Row::paidOn)).allMatch(d -> !d.isAfter(TODAY));
  }

  @Test
  void openInvoicesAreDueSoonOrOverdueByDaysWeeksAndMonths() {
    Map<String, Long> buckets =
        book.stream()
            .filter(row -> !row.isPaid())
            .collect(Collectors.groupingBy(DemoReceivablesTest::bucket, Collectors.counting()));
    assertThat(buckets).containsOnlyKeys("not yet due", "days", "weeks", "months");
  }

  private static String bucket(Row row) {
    long late = ChronoUnit.DAYS.between(row.dueDate(), TODAY);
    if (late <= 0) {
      return "not yet due";
    }
    return late <= 13 ? "days" : late <= 59 ? "weeks" : "months";
  }
}
