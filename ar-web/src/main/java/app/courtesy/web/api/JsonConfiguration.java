package app.courtesy.web.api;

import app.courtesy.shared.Money;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * JSON of the API: money as a decimal string with its ISO currency, e.g.
 * {"amount":"12.50","currency":"EUR"}.
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

  /** Money as it travels. */
  public record MoneyJson(String amount, String currency) {}

  static final class MoneyAdapter implements JsonbAdapter<Money, MoneyJson> {

    @Override
    public MoneyJson adaptToJson(Money money) {
      return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
    }

    @Override
    public Money adaptFromJson(MoneyJson json) {
      return new Money(new BigDecimal(json.amount()), Currency.getInstance(json.currency()));
    }
  }

  /** The one JSON-B configuration of the API, also used to store responses for replay. */
  static final Jsonb JSONB =
      JsonbBuilder.create(new JsonbConfig().withAdapters(new MoneyAdapter()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
