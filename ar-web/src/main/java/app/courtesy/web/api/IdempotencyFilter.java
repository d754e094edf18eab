package app.courtesy.web.api;

import app.courtesy.idempotency.Claim;
import app.courtesy.idempotency.IdempotencyRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} on POST: the first response is stored and replayed for the same key and
 * body; the same key with a different body is refused with 422, and with 409 while the first
 * request is still running. Keys belong to the caller. Server errors are not stored, so a retry
 * runs again.
 */
@Provider
@ApplicationScoped
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String HEADER = "Idempotency-Key";
  private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
  private static final int MAX_KEY_LENGTH = 200;

  @Inject private IdempotencyRecords records;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    if (!"POST".equals(request.getMethod()) || key == null) {
      return;
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      request.abortWith(
          ApiErrors.response(
              Problem.of(400, "Bad Request", HEADER + " must have 1 to 200 characters.")));
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    String caller = request.getSecurityContext().getUserPrincipal().getName();
    Claim claim;
    try {
      claim = records.claim(caller, key, hash(request.getUriInfo().getPath(), body));
    } catch (PersistenceException | TransactionalException concurrentFirst) {
      claim = new Claim(Claim.Kind.IN_FLIGHT, 0, null);
    }
    switch (claim.kind()) {
      case FIRST -> request.setProperty(CLAIMED, new String[] {caller, key});
      case REPLAY ->
          request.abortWith(
              Response.status(claim.status())
                  .type(claim.status() >= 400 ? ApiErrors.PROBLEM : MediaType.APPLICATION_JSON_TYPE)
                  .entity(claim.response())
                  .header("Idempotent-Replayed", "true")
                  .build());
      case IN_FLIGHT ->
          request.abortWith(
              ApiErrors.response(
                  Problem.of(
                      409,
                      "Conflict",
                      "A request with this " + HEADER + " is still running; retry shortly.")));
      case MISMATCH ->
          request.abortWith(
              ApiErrors.response(
                  Problem.of(
                      422,
                      "Unprocessable Entity",
                      "This " + HEADER + " was used for a different request.")));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIMED) instanceof String[] claimed)) {
      return;
    }
    if (response.getStatus() >= 500) {
      records.release(claimed[0], claimed[1]);
      return;
    }
    Object entity = response.getEntity();
    String body =
        entity == null
            ? ""
            : entity instanceof String text ? text : JsonConfiguration.JSONB.toJson(entity);
    records.complete(claimed[0], claimed[1], response.getStatus(), body);
  }

  private static String hash(String path, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
