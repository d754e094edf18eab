package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer of one test with an overdue invoice and one not yet due, an open case, and the link to
 * their page as the collector's email brought it to the mail server.
 */
final class PortalCustomer {

  private static final Pattern LINK =
      Pattern.compile(Pattern.quote(Courtesy.URL) + "(/pay/[A-Za-z0-9_-]{32})");
  private static final Pattern FORM = Pattern.compile("name=\"form\" value=\"([^\"]+)\"");

  final LondonCustomer customer;
  final String email;
  final String overdue;
  final String notYetDue;
  final long caseId;
  final String link;
  private final String contactName;

  /**
   * @param tag the test's own mark, in every number and address
   */
  PortalCustomer(GreenMailExtension mail, String name, String tag) {
    Courtesy api = Courtesy.anonymous();
    LocalDate today = LocalDate.now();
    contactName = name;
    email = name.toLowerCase().replace(' ', '.') + "." + tag + "@example.org";
    overdue = "SO-" + name.charAt(0) + "-" + tag;
    notYetDue = "SN-" + name.charAt(0) + "-" + tag;
    customer =
        new LondonCustomer("SC-" + name.charAt(0) + "-" + tag, name + " Ltd " + tag, name, email)
            .invoice(overdue, today.minusDays(40), "240.00")
            .invoice(notYetDue, today.plusDays(20), "75.50");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
    caseId = customer.caseId();
    link = sendAnotherLink(mail, "Your invoices " + tag);
  }

  /** The collector writes again with the link; the new link, as the email brought it. */
  String sendAnotherLink(GreenMailExtension mail, String subject) {
    HttpResponse<String> sent =
        Courtesy.anonymous()
            .postJson(
                "/api/v1/cases/" + caseId + "/emails",
                "{\"contact\":\"P-"
                    + customer.number()
                    + "\",\"subject\":\""
                    + subject
                    + "\",\"body\":\"Dear "
                    + contactName
                    + ",\\n\\nthank you for your business. Here is your page:"
                    + " {{selfServiceLink}}\\n\\nJust reply or call us if we can help."
                    + "\\n\\nKind regards\"}",
                "collector",
                Courtesy.COLLECTOR_PASSWORD);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    MimeMessage received = Mailbox.await(mail, email, subject);
    Matcher found = LINK.matcher(Mailbox.text(received));
    assertThat(found.find()).as("the email carries a link to the customer's page").isTrue();
    return found.group(1);
  }

  /** The form value of a page this customer's link opened. */
  static String form(String page) {
    Matcher form = FORM.matcher(page);
    assertThat(form.find()).as("the page has a form").isTrue();
    return form.group(1);
  }

  String number() {
    return customer.number();
  }
}
