package app.courtesy.web.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How customers pay, as the organisation configures it: the bank details shown on their page and
 * statements ({@code AR_SELF_SERVICE_BANK_DETAILS}), and, where it has a payment page, a "pay
 * online" link per invoice from {@code AR_SELF_SERVICE_PAY_URL} with {@code {invoice}}, {@code
 * {amount}} and {@code {currency}} filled in. No payment provider is built in.
 */
@ApplicationScoped
public class PortalSettings {

  @Inject
  @ConfigProperty(
      name = "ar.self-service.bank-details",
      defaultValue =
          "Courtesy Demo Ltd, Northwind Bank, IBAN GB29 NWBK 6016 1331 9268 19, BIC NWBKGB2L")
  private String bankDetails;

  @Inject
  @ConfigProperty(name = "ar.self-service.pay-url")
  private Optional<String> payUrl;

  public String bankDetails() {
    return bankDetails;
  }

  /** The "pay online" address for one invoice, where one is configured. */
  public Optional<String> payUrl(String invoice, String amount, String currency) {
    return payUrl
        .filter(url -> !url.isBlank())
        .map(
            url ->
                url.replace("{invoice}", encode(invoice))
                    .replace("{amount}", encode(amount))
                    .replace("{currency}", encode(currency)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
