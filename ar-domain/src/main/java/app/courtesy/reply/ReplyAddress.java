package app.courtesy.reply;

import app.courtesy.selfservice.PortalKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an email's reply address ({@code ar+<token>@…}, where the mailbox takes
 * sub-addresses): the outbox message it answers, signed with the installation's key, so a reply
 * finds its customer even when the mail program dropped the thread's headers, and nobody can make
 * up a token that lands a message on another customer's history.
 */
@ApplicationScoped
public class ReplyAddress {

  private static final Pattern TOKEN =
      Pattern.compile("\\+m(\\d{1,18})-([0-9a-f]{16})@", Pattern.CASE_INSENSITIVE);

  @Inject private PortalKey portalKey;

  private volatile byte[] key;

  /** The token for replies to outbox message {@code messageId}: {@code m<id>-<signature>}. */
  public String token(long messageId) {
    return "m" + messageId + "-" + signature(messageId);
  }

  /** The outbox message a reply address's token names, when it is one of ours and intact. */
  public OptionalLong messageId(String address) {
    Matcher found = TOKEN.matcher(address == null ? "" : address);
    if (!found.find()) {
      return OptionalLong.empty();
    }
    long id;
    try {
      id = Long.parseLong(found.group(1));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    boolean intact =
        MessageDigest.isEqual(
            signature(id).getBytes(StandardCharsets.US_ASCII),
            found.group(2).toLowerCase().getBytes(StandardCharsets.US_ASCII));
    return intact ? OptionalLong.of(id) : OptionalLong.empty();
  }

  private String signature(long messageId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] signed = mac.doFinal(("reply:" + messageId).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(signed, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private byte[] key() {
    byte[] known = key;
    if (known == null) {
      known = HexFormat.of().parseHex(portalKey.secret());
      key = known;
    }
    return known;
  }
}
