package app.courtesy.web.api;

import app.courtesy.reply.Incoming;
import app.courtesy.reply.Replies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The SMS gateway's webhook: a reply from a mobile number, kept like an emailed one (matched to the
 * contact with that number, logged, holding the reminders until answered); "STOP" and its German
 * and French equivalents opt the number out of SMS at once. The gateway signs in with the secret
 * shared with it ({@code AR_SMS_INBOUND_SECRET}) in the {@code X-Gateway-Secret} header; without
 * one configured, the webhook is closed. A message the gateway posts again (its id is the key) is
 * kept once.
 *
 * <p>web.xml leaves this one path of the API open to callers who do not sign in; it carries no role
 * annotation, so nothing asks the caller to sign in after all.
 */
@Tag(
    name = "Inbound SMS",
    description =
        "The SMS gateway's webhook, signed with the shared secret in `X-Gateway-Secret` instead of a sign-in.")
@Path("inbound")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboundResource {

  /**
   * An SMS as the gateway posts it.
   *
   * @param id the gateway's id of the message
   * @param from the sender's number, international (+447700900123)
   */
  public record Sms(String id, String from, String text) {}

  private static final String SECRET = "X-Gateway-Secret";
  private static final String SECRET_SAYS =
      "The secret shared with the gateway (AR_SMS_INBOUND_SECRET); a wrong one is a 401.";

  @Inject private Replies replies;

  @Inject
  @ConfigProperty(name = "ar.sms.inbound-secret")
  private Optional<String> secret;

  @POST
  @Path("sms")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Receive an SMS reply",
      description =
          "A reply from a mobile number, kept like an emailed one; STOP opts the number out."
              + " Posted again with the same id, it is kept once. JSON, or a form (`MessageSid`,"
              + " `From`, `Body`) as many gateways post it.")
  @RequestBody(required = true)
  public Replies.Received sms(
      @HeaderParam(SECRET) @Parameter(description = SECRET_SAYS) String sent, Sms sms) {
    requireSecret(sent);
    if (sms == null) {
      throw new BadRequestException("The body is an SMS: {\"id\", \"from\", \"text\"}.");
    }
    return receive(sms.id(), sms.from(), sms.text());
  }

  /**
   * The same, posted as a form, as many gateways do ({@code MessageSid}, {@code From}, {@code
   * Body}).
   */
  @POST
  @Path("sms")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "Receive an SMS reply",
      description =
          "A reply from a mobile number, kept like an emailed one; STOP opts the number out."
              + " Posted again with the same id, it is kept once. JSON, or a form (`MessageSid`,"
              + " `From`, `Body`) as many gateways post it.")
  @RequestBody(required = true)
  public Replies.Received smsForm(
      @HeaderParam(SECRET) @Parameter(description = SECRET_SAYS) String sent,
      @FormParam("MessageSid") String id,
      @FormParam("From") String from,
      @FormParam("Body") String text) {
    requireSecret(sent);
    return receive(id, from, text);
  }

  private Replies.Received receive(String id, String from, String text) {
    if (id == null || id.isBlank() || id.length() > 200) {
      throw new BadRequestException("id: the gateway's id of the message, at most 200 characters.");
    }
    if (from == null || !from.strip().matches("\\+?[0-9 ()./-]{6,30}")) {
      throw new BadRequestException("from: the sender's number, such as +447700900123.");
    }
    if (text == null || text.length() > 2_000) {
      throw new BadRequestException("text: the message, at most 2,000 characters.");
    }
    return replies.receive(Incoming.sms(id.strip(), from.strip(), text));
  }

  private void requireSecret(String sent) {
    if (secret.isEmpty() || secret.get().isBlank()) {
      throw new WebApplicationException(
          ApiErrors.response(
              Problem.of(
                  503,
                  "Service Unavailable",
                  "Inbound SMS is not set up: set AR_SMS_INBOUND_SECRET and give it to the"
                      + " gateway.")));
    }
    boolean matches =
        sent != null
            && MessageDigest.isEqual(
                secret.get().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    if (!matches) {
      throw new WebApplicationException(
          ApiErrors.response(
              Problem.of(
                  401,
                  "Unauthorized",
                  "The X-Gateway-Secret header does not hold the secret shared with the"
                      + " gateway.")));
    }
  }
}
