package app.courtesy.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Courtesy-Signature} header of a delivery: {@code t=<unix seconds>,v1=<hex>}, the hex
 * being the HMAC-SHA256 of {@code "<t>.<body>"} keyed with the subscription's secret (its UTF-8
 * bytes). The receiver computes the same over the body it got and compares in constant time; the
 * timestamp lets it refuse a replay of an old delivery.
 */
public final class Signature {

  private Signature() {}

  /** The header's value for {@code body} posted at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  /** Hex HMAC-SHA256 of {@code text} (UTF-8) keyed with {@code secret} (UTF-8). */
  public static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
