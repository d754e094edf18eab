package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.courtesy.client.ApiClient;
import app.courtesy.client.ApiException;
import app.courtesy.client.api.CasesApi;
import app.courtesy.client.api.ClockApi;
import app.courtesy.client.api.CommunicationLogApi;
import app.courtesy.client.api.ContactsApi;
import app.courtesy.client.api.CustomersApi;
import app.courtesy.client.api.DunningRunsApi;
import app.courtesy.client.api.InvoicesApi;
import app.courtesy.client.api.PaymentsApi;
import app.courtesy.client.api.UsersApi;
import app.courtesy.client.model.Balance;
import app.courtesy.client.model.CallRecord;
import app.courtesy.client.model.CallRequest;
import app.courtesy.client.model.CaseView;
import app.courtesy.client.model.ContactData;
import app.courtesy.client.model.CustomerData;
import app.courtesy.client.model.CustomerView;
import app.courtesy.client.model.Hold;
import app.courtesy.client.model.InvoiceData;
import app.courtesy.client.model.InvoicePage;
import app.courtesy.client.model.InvoiceView;
import app.courtesy.client.model.Line;
import app.courtesy.client.model.PauseRequest;
import app.courtesy.client.model.PaymentData;
import app.courtesy.client.model.Reading;
import app.courtesy.client.model.ReasonRequest;
import app.courtesy.client.model.Reviewed;
import app.courtesy.client.model.RunView;
import app.courtesy.client.model.Timeline;
import app.courtesy.client.model.UpsertResult;
import app.courtesy.client.model.UserRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An ERP's day, with nothing but the Java client generated from the API's OpenAPI document
 * (src/test/openapi/courtesy.yaml, which OpenApiContractIT holds equal to /openapi): the ERP sends
 * a customer, a contact and two invoices, records a payment; the administrator reviews the cases
 * and runs the date; the collector finds the customer's case by the customer, logs a call, holds
 * the customer for hardship, pauses and resumes them; the customer, contacts, invoices (page by
 * page), payment, messages and log are read back. If the client cannot be generated from the
 * document, or a call does not fit what it says, this test cannot compile or fails.
 */
class ErpDayClientIT {

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String number = "ERP-" + tag;
  private final String collector = "erp-" + tag;
  private static final String COLLECTOR_PASSWORD = "tidy-books-balance-nightly";

  private final ApiClient integration = client("integration", Courtesy.INTEGRATION_PASSWORD);
  private final ApiClient admin = client("admin", Courtesy.ADMIN_PASSWORD);

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() throws ApiException {
    new ClockApi(admin).clockMove(new Reading().now(OffsetDateTime.now(ZoneOffset.UTC)));
  }

  @Test
  void anErpsDayThroughTheGeneratedClient() throws ApiException {
    LocalDate day = unrunDate();
    new UsersApi(admin)
        .usersCreate(
            new UserRequest()
                .username(collector)
                .displayName("Robin Ledger " + tag)
                .password(COLLECTOR_PASSWORD)
                .roles(List.of("collector")),
            null);
    ApiClient collectorClient = client(collector, COLLECTOR_PASSWORD);

    // The ERP's morning: a customer in London with its contact, two invoices past due
    CustomersApi customers = new CustomersApi(integration);
    UpsertResult created =
        customers.customersUpsert(
            new CustomerData()
                .externalId("X-" + number)
                .number(number)
                .name("Erp Day Ltd " + tag)
                .country("GB")
                .timeZone("Europe/London")
                .locale("en-GB")
                .currency("GBP")
                .collector(collector),
            "customer-" + tag);
    assertThat(created.getCreated()).isEqualTo(1);
    new ContactsApi(integration)
        .contactsUpsert(
            new ContactData()
                .externalId("CT-" + number)
                .customerNumber(number)
                .name("Pat Ledger")
                .email("pat." + tag + "@erp-day.example")
                .preferredChannel(ContactData.PreferredChannelEnum.EMAIL),
            null);
    // I1 due 20 days before the day (300.00), I2 due 10 days before (120.00)
    UpsertResult invoices =
        new InvoicesApi(integration)
            .invoicesUpsertAll(
                List.of(
                    invoice("I1", day.minusDays(20), "300.00"),
                    invoice("I2", day.minusDays(10), "120.00")),
                "invoices-" + tag);
    assertThat(invoices.getCreated()).isEqualTo(2);
    // A payment of 100.00, the day before: it goes to the oldest invoice, I1
    UpsertResult paid =
        new PaymentsApi(integration)
            .paymentsRecord(
                new PaymentData()
                    .externalId("P-" + number)
                    .customerNumber(number)
                    .paymentDate(day.minusDays(1))
                    .currency("GBP")
                    .amount(new BigDecimal("100.00")),
                "payment-" + tag);
    assertThat(paid.getCreated()).isEqualTo(1);

    // The administrator reviews the cases as of the day (the customer's is opened) and runs the
    // day's reminders, as the daily job does
    Reviewed reviewed = new CasesApi(admin).casesReview(day, null);
    assertThat(reviewed.getOpened()).isPositive();
    RunView run = new DunningRunsApi(admin).dunningrunsRun(day, null);
    assertThat(run.getBusinessDate()).isEqualTo(day);
    assertThat(run.getStatus()).isEqualTo(RunView.StatusEnum.COMPLETED);

    // The customer's balance as of the day: 200.00 left on I1, 120.00 on I2
    Balance balance = customers.customersBalance(number, day);
    assertThat(balance.getOpenItems())
        .extracting(item -> item.getInvoiceNumber() + " " + item.getOpen().getAmount())
        .containsExactlyInAnyOrder("I1-" + tag + " 200.00", "I2-" + tag + " 120.00");

    // The collector finds the customer's case by the customer, and on their worklist
    CasesApi cases = new CasesApi(collectorClient);
    long caseId = new CustomersApi(collectorClient).customersOpenCase(number).getId();
    assertThat(cases.casesList(collector, null, null, null, 0, 500))
        .extracting(Line::getCustomerNumber)
        .containsOnlyOnce(number);
    CaseView opened = cases.casesGet(caseId);
    assertThat(opened.getOverdue()).isEqualByComparingTo("320.00");
    assertThat(opened.getCurrency()).isEqualTo("GBP");

    // The collector pauses the customer for a fortnight: read back, the invoices say why they
    // wait; then resumes
    LocalDate until = day.plusDays(14);
    cases.casesPause(
        caseId,
        String.valueOf(cases.casesGet(caseId).getVersion()),
        null,
        new PauseRequest().until(until).reason("Their accountant is on leave until then."));
    assertThat(customers.customersRead(number).getRemindersPausedUntil()).isEqualTo(until);
    assertThat(
            new InvoicesApi(collectorClient)
                .invoicesList(number, null, null, null, null, 50, null)
                .getItems())
        .allSatisfy(
            invoice ->
                assertThat(invoice.getHolds())
                    .extracting(Hold::getKind)
                    .contains(Hold.KindEnum.PAUSED));
    cases.casesResume(
        caseId,
        String.valueOf(cases.casesGet(caseId).getVersion()),
        null,
        new ReasonRequest().reason("They called back early."));
    assertThat(customers.customersRead(number).getRemindersPausedUntil()).isNull();

    // A call, logged; then the customer is held for hardship with the version read
    cases.casesLogCall(
        caseId,
        new CallRequest()
            .call(
                new CallRecord()
                    .channel(CallRecord.ChannelEnum.PHONE)
                    .outcome(CallRecord.OutcomeEnum.REACHED)
                    .note("Lost their biggest client; asks for time.")),
        null,
        null);
    CaseView held =
        cases.casesStartHardship(
            caseId,
            String.valueOf(cases.casesGet(caseId).getVersion()),
            null,
            new ReasonRequest().reason("Lost their biggest client this month."));
    assertThat(held.getStatus()).isEqualTo(CaseView.StatusEnum.HARDSHIP);

    // Read back: the log has the call and still holds
    Timeline timeline = new CustomersApi(collectorClient).customersTimeline(number, null, 50);
    assertThat(timeline.getIntact()).isTrue();
    assertThat(timeline.getEntries())
        .anySatisfy(entry -> assertThat(entry.getDetail()).contains("asks for time"));
    assertThat(new CommunicationLogApi(admin).communicationlogVerification().getBroken())
        .noneMatch(broken -> number.equals(broken.getCustomer()));
    assertThat(cases.casesGet(caseId).getStatus()).isEqualTo(CaseView.StatusEnum.HARDSHIP);

    // Read everything back as the ERP wrote it, with what Courtesy worked out
    CustomerView customer = customers.customersRead(number);
    assertThat(customer.getName()).isEqualTo("Erp Day Ltd " + tag);
    assertThat(customer.getCollector()).isEqualTo(collector);
    assertThat(customers.customersContacts(number, 10, null).getItems())
        .singleElement()
        .satisfies(
            contact -> assertThat(contact.getEmail()).isEqualTo("pat." + tag + "@erp-day.example"));
    InvoicePage page =
        new InvoicesApi(integration).invoicesList(number, null, null, null, "DUE_DATE", 1, null);
    assertThat(page.getItems())
        .extracting(
            InvoiceView::getNumber,
            i -> i.getOpen().getAmount().toPlainString(),
            InvoiceView::getStatus)
        .containsExactly(tuple("I1-" + tag, "200.00", InvoiceView.StatusEnum.PARTIALLY_PAID));
    assertThat(page.getNext()).as("a second page").isNotNull();
    assertThat(
            new InvoicesApi(integration)
                .invoicesList(number, null, null, null, "DUE_DATE", 1, page.getNext())
                .getItems())
        .extracting(InvoiceView::getNumber)
        .containsExactly("I2-" + tag);
    assertThat(new PaymentsApi(integration).paymentsList(number, null, null, 10, null).getItems())
        .singleElement()
        .satisfies(payment -> assertThat(payment.getExternalId()).isEqualTo("P-" + number));
    // the day's reminder, as the outbox has it, and the log filtered to the customer
    assertThat(customers.customersMessages(number, null, 10, null).getItems())
        .isNotEmpty()
        .allSatisfy(message -> assertThat(message.getCustomerNumber()).isEqualTo(number));
    assertThat(
            new CommunicationLogApi(integration)
                .communicationlogList(number, null, null, null, null, 50, null)
                .getItems())
        .anySatisfy(entry -> assertThat(entry.getDetail()).contains("asks for time"));
  }

  private InvoiceData invoice(String name, LocalDate due, String amount) {
    return new InvoiceData()
        .externalId("X-" + name + "-" + tag)
        .number(name + "-" + tag)
        .customerNumber(number)
        .issueDate(due.minusDays(30))
        .dueDate(due)
        .currency("GBP")
        .amount(new BigDecimal(amount));
  }

  /**
   * A date no run has claimed, one the server may run: tomorrow on its clock, or the day after the
   * latest run with the clock moved to the day before it (as ServerDays does, with the client).
   */
  private LocalDate unrunDate() throws ApiException {
    ClockApi clock = new ClockApi(admin);
    Reading reading = clock.clockRead();
    ZoneId zone = ZoneId.of(reading.getTimeZone());
    LocalDate tomorrow = reading.getNow().atZoneSameInstant(zone).toLocalDate().plusDays(1);
    List<RunView> latest = new DunningRunsApi(admin).dunningrunsHistory(1);
    LocalDate next = latest.isEmpty() ? tomorrow : latest.get(0).getBusinessDate().plusDays(1);
    if (!next.isAfter(tomorrow)) {
      return tomorrow;
    }
    clock.clockMove(
        new Reading().now(next.minusDays(1).atTime(12, 0).atZone(zone).toOffsetDateTime()));
    return next;
  }

  /** The generated client, at this server's API, signing in as {@code username}. */
  private static ApiClient client(String username, String password) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Courtesy.URL + "/api/v1");
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    client.setRequestInterceptor(request -> request.header("Authorization", basic));
    return client;
  }
}
