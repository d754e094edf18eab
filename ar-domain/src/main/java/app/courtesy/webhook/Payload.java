package app.courtesy.webhook;

import app.courtesy.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The {@code data} of an event, always naming the customer first; money as a decimal string with
 * its currency, dates ISO. A null value is written as JSON null.
 */
public final class Payload {

  private final JsonObjectBuilder data = Json.createObjectBuilder();

  private Payload(String customerNumber) {
    text("customerNumber", customerNumber);
  }

  /** The data of an event about the customer {@code customerNumber}. */
  public static Payload about(String customerNumber) {
    return new Payload(customerNumber);
  }

  public Payload text(String name, String value) {
    if (value == null) {
      data.addNull(name);
    } else {
      data.add(name, value);
    }
    return this;
  }

  public Payload number(String name, long value) {
    data.add(name, value);
    return this;
  }

  public Payload flag(String name, boolean value) {
    data.add(name, value);
    return this;
  }

  public Payload date(String name, LocalDate value) {
    return text(name, value == null ? null : value.toString());
  }

  /** {@code {"amount": "120.50", "currency": "EUR"}} */
  public Payload money(String name, Money value) {
    data.add(
        name,
        Json.createObjectBuilder()
            .add("amount", value.amount().toPlainString())
            .add("currency", value.currency().getCurrencyCode()));
    return this;
  }

  public Payload texts(String name, Collection<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    data.add(name, array);
    return this;
  }

  JsonObject build() {
    return data.build();
  }
}
