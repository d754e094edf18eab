package app.courtesy.web.api;

import app.courtesy.shared.Money;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * JSON of the API: money as a decimal string with its ISO currency, e.g.
 * {"amount":"12.50","currency":"EUR"}; every other decimal (a rate, a percentage, an amount beside
 * its currency) as a decimal string too, {"rate":"2.15"}, so that no client reads it through a
 * binary floating point number. Bodies may send decimals as strings or as JSON numbers.
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

  /**
   * Decimals as they travel: their plain digits in a string, {@code "2.15"}, never {@code 2.15}.
   */
  static final class DecimalSerializer implements JsonbSerializer<BigDecimal> {

    @Override
    public void serialize(BigDecimal value, JsonGenerator json, SerializationContext context) {
      json.write(value.toPlainString());
    }
  }

  /** The one JSON-B configuration of the API, also used to store responses for replay. */
  static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withAdapters(new MoneyAdapter())
              .withSerializers(new DecimalSerializer()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
