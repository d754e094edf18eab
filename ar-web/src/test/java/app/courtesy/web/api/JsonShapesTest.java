package app.courtesy.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.invoice.InvoiceData;
import app.courtesy.payment.PaymentData;
import app.courtesy.web.api.ArrangementResource.ProposalRequest;
import app.courtesy.web.api.Problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonShapesTest {

  private static final String INVOICE =
      "{\"externalId\":\"I-1\",\"number\":\"R-1\",\"customerNumber\":\"C-1\","
          + "\"issueDate\":\"2026-11-01\",\"dueDate\":\"2026-12-01\",\"currency\":\"GBP\","
          + "\"amount\":\"100.00\"%s}";

  /** The type of a batch of invoices, as a resource method declares it. */
  @SuppressWarnings("unused")
  private static List<InvoiceData> batch;

  @Test
  void aWellShapedInvoiceHasNoProblems() {
    assertThat(check(invoice(""), InvoiceData.class)).isEmpty();
    assertThat(check(invoice(",\"amount\":100.5,\"disputed\":false"), InvoiceData.class)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"disputed\":\"yes\"|disputed|must be true or false (without quotes)",
        "\"disputed\":1|disputed|must be true or false (without quotes)",
        "\"disputed\":\"false\"|disputed|must be true or false (without quotes)",
        "\"dueDate\":\"2026-02-30\"|dueDate|must be a date written like 2026-11-23",
        "\"dueDate\":20261201|dueDate|must be a date written like 2026-11-23",
        "\"amount\":\"1,00\"|amount|must be an amount such as \"12.50\"",
        "\"amount\":true|amount|must be an amount such as \"12.50\"",
        "\"amount\":[]|amount|must be an amount such as \"12.50\"",
        "\"number\":5|number|must be text in quotes",
        "\"state\":\"BOGUS\"|state|must be one of ISSUED, WRITTEN_OFF, CANCELLED",
        "\"delivery\":{}|delivery|must be one of PAPER, ELECTRONIC"
      })
  void aValueOfTheWrongKindIsNamedByItsField(String value, String field, String message) {
    assertThat(check(invoice("," + value), InvoiceData.class))
        .containsExactly(new FieldError(field, message));
  }

  @Test
  void inABatchTheItemsIndexComesFirst() throws ReflectiveOperationException {
    Type batchType = JsonShapesTest.class.getDeclaredField("batch").getGenericType();
    String body =
        "[" + invoice("") + "," + invoice("") + "," + invoice(",\"dueDate\":\"2026-02-30\"") + "]";

    assertThat(check(body, batchType)).extracting(FieldError::field).containsExactly("[2].dueDate");
    assertThat(check(invoice(""), batchType))
        .containsExactly(new FieldError("", "must be a list in [brackets]"));
    assertThat(check("[" + invoice("") + ",\"text\"]", batchType))
        .containsExactly(new FieldError("[1]", "must be an object in {braces}"));
  }

  @Test
  void nestedListsAndObjectsAreNamedByTheirPath() {
    String payment =
        "{\"externalId\":\"P-1\",\"customerNumber\":\"C-1\",\"paymentDate\":\"2026-11-10\","
            + "\"currency\":\"GBP\",\"amount\":\"10.00\",\"allocations\":%s}";

    assertThat(check(payment.formatted("{}"), PaymentData.class))
        .containsExactly(new FieldError("allocations", "must be a list in [brackets]"));
    assertThat(
            check(
                payment.formatted(
                    "[{\"invoiceNumber\":\"R-1\",\"amount\":\"1\"},"
                        + "{\"invoiceNumber\":\"R-2\",\"amount\":\"x\"}]"),
                PaymentData.class))
        .extracting(FieldError::field)
        .containsExactly("allocations[1].amount");
  }

  @Test
  void wholeNumbersMustFitTheirField() {
    assertThat(check("{\"caseId\":1e400,\"count\":\"three\"}", ProposalRequest.class))
        .extracting(FieldError::field)
        .containsExactly("caseId", "count");
    assertThat(check("{\"caseId\":1e100000000}", ProposalRequest.class))
        .extracting(FieldError::field)
        .containsExactly("caseId");
    assertThat(check("{\"caseId\":12,\"count\":3.0}", ProposalRequest.class)).isEmpty();
    assertThat(check("{\"count\":2.5}", ProposalRequest.class))
        .extracting(FieldError::field)
        .containsExactly("count");
  }

  @Test
  void anAmountWithAnAbsurdExponentIsRefused() {
    assertThat(check(invoice(",\"amount\":\"1e-5000\""), InvoiceData.class))
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(check(invoice(",\"amount\":1e400"), InvoiceData.class)).isEmpty();
  }

  private static String invoice(String more) {
    // a later duplicate key wins in JSON-P, as it does in JSON-B
    return INVOICE.formatted(more);
  }

  private static List<FieldError> check(String json, Type type) {
    JsonValue value = Json.createReader(new StringReader(json)).readValue();
    return JsonShapes.check(value, type);
  }
}
