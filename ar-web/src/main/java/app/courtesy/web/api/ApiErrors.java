package app.courtesy.web.api;

import app.courtesy.dunning.RunClaimedException;
import app.courtesy.importing.CsvTable.UnreadableFileException;
import app.courtesy.importing.MappingException;
import app.courtesy.reversal.AlreadyReversedException;
import app.courtesy.security.UsernameTakenException;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.InvalidRowsException;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.RowError;
import app.courtesy.web.api.Problem.FieldError;
import app.courtesy.webhook.DeliveryRefusedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every exception that leaves a resource into a {@link Problem}, in this one place. */
public final class ApiErrors {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  /** The media type of every error (RFC 9457). */
  static final MediaType PROBLEM = new MediaType("application", "problem+json");

  private ApiErrors() {}

  static Response response(Problem problem) {
    return Response.status(problem.status()).type(PROBLEM).entity(problem).build();
  }

  /** The first exception of {@code type} in the chain of causes of {@code e}, or {@code null}. */
  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /**
   * Whether {@code e} was caused by someone else's change of the same row: an optimistic lock (they
   * saved between this request's read and its write, as two approvers deciding the same arrangement
   * at once) or a lock held too long by them.
   */
  static boolean lostRace(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.persistence.OptimisticLockException
          || cause instanceof jakarta.persistence.PessimisticLockException
          || cause instanceof jakarta.persistence.LockTimeoutException
          || cause.getClass().getName().endsWith(".OptimisticLockException")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * 409 for a change that lost a race with someone else's change of the same thing; 412 when the
   * request named the version it read in {@code If-Match} and that version is no longer the current
   * one.
   */
  static Response conflict(Throwable e, HttpHeaders headers) {
    ConcurrentChangeException refused = cause(e, ConcurrentChangeException.class);
    if (refused != null && headers != null && headers.getHeaderString("If-Match") != null) {
      return response(Problem.of(412, "Precondition Failed", refused.getMessage()));
    }
    return response(
        Problem.of(
            409,
            "Conflict",
            refused != null
                ? refused.getMessage()
                : "This was changed by someone else at the same moment. Nothing of yours was"
                    + " saved; reload to see the change, then try again."));
  }

  /** 400 listing every invalid field, sorted by path. */
  static Response invalidFields(List<FieldError> errors) {
    List<FieldError> sorted =
        errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
    return response(new Problem(400, "Bad Request", "The request has invalid fields.", sorted));
  }

  /** 400 for a batch or a single item: fields named {@code [row].field}, or just {@code field}. */
  static Response invalidRows(List<RowError> errors, boolean indexed) {
    return invalidFields(
        errors.stream()
            .map(
                e ->
                    new FieldError(
                        indexed
                            ? "[" + e.row() + "]" + (e.field().isEmpty() ? "" : "." + e.field())
                            : e.field(),
                        e.message()))
            .toList());
  }

  /**
   * 400 for a refusal whose problems each start with the field they concern ({@code "amount: must
   * not be negative"}), one entry per problem.
   */
  static Response refused(List<String> problems) {
    return invalidFields(
        problems.stream()
            .map(
                problem -> {
                  int colon = problem.indexOf(": ");
                  return colon > 0 && !problem.substring(0, colon).contains(" ")
                      ? new FieldError(problem.substring(0, colon), problem.substring(colon + 2))
                      : new FieldError("", problem);
                })
            .toList());
  }

  /** Invalid input: 400 with one entry per field, named by its path in the request body. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<FieldError> errors =
          e.getConstraintViolations().stream()
              .map(violation -> new FieldError(fieldPath(violation), violation.getMessage()))
              .toList();
      return invalidFields(errors);
    }

    /**
     * The path below the method parameter or validated bean: {@code createUser.user.roles[1]} →
     * {@code roles[1]}.
     */
    static String fieldPath(ConstraintViolation<?> violation) {
      StringBuilder path = new StringBuilder();
      boolean belowParameter = violation.getExecutableParameters() == null;
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == ElementKind.PARAMETER) {
          belowParameter = true;
          continue;
        }
        if (!belowParameter || node.getKind() == ElementKind.METHOD) {
          continue;
        }
        if (node.getName() != null && !node.getName().startsWith("<")) {
          if (!path.isEmpty()) {
            path.append('.');
          }
          path.append(node.getName());
        }
        if (node.getIndex() != null) {
          path.append('[').append(node.getIndex()).append(']');
        }
      }
      return path.toString();
    }
  }

  /**
   * A broken business rule: 409 for conflicts, 404 for what does not exist, 403 for what the caller
   * may not do.
   */
  @Provider
  public static class BusinessRule implements ExceptionMapper<BusinessException> {

    @Context private HttpHeaders headers;

    BusinessRule() {}

    BusinessRule(HttpHeaders headers) {
      this.headers = headers;
    }

    @Override
    public Response toResponse(BusinessException e) {
      if (e instanceof ConcurrentChangeException) {
        return conflict(e, headers);
      }
      if (e instanceof InvalidRowsException invalid) {
        return invalidRows(invalid.errors(), true);
      }
      if (e instanceof NotFoundException) {
        return response(Problem.of(404, "Not Found", e.getMessage()));
      }
      if (e instanceof UnreadableFileException || e instanceof MappingException) {
        return response(Problem.of(400, "Bad Request", e.getMessage()));
      }
      if (e instanceof NotAllowedException) {
        return response(Problem.of(403, "Forbidden", e.getMessage()));
      }
      if (e instanceof UsernameTakenException
          || e instanceof RunClaimedException
          || e instanceof AlreadyReversedException
          || e instanceof DeliveryRefusedException) {
        return response(Problem.of(409, "Conflict", e.getMessage()));
      }
      return response(Problem.of(422, "Unprocessable Entity", e.getMessage()));
    }
  }

  /**
   * A body that could not be read. {@link JsonBodies} names what is wrong in JSON bodies; what
   * still arrives here is a body no reader could take at all.
   */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
      WebApplicationException answered = cause(e, WebApplicationException.class);
      if (answered != null) {
        return answered.getResponse();
      }
      return response(
          Problem.of(
              400,
              "Bad Request",
              "The request body cannot be read as the Content-Type it names: "
                  + Objects.requireNonNullElse(e.getMessage(), "unreadable")));
    }
  }

  /**
   * Errors JAX-RS raised itself (403 for a missing role, 404 for an unknown path, …), and 400s and
   * 404s a resource raised with its own words.
   */
  @Provider
  public static class Protocol implements ExceptionMapper<WebApplicationException> {

    /**
     * Jersey's exception for a parameter it could not convert ({@code ParamException} and its
     * subclasses per kind of parameter), a 404 for path and query parameters alike.
     */
    private static final String JERSEY_PARAM_EXCEPTION =
        "org.glassfish.jersey.server.ParamException";

    @Context private UriInfo uri;
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
      if (e.getResponse().hasEntity()) {
        return e.getResponse();
      }
      if (e.getClass().getName().startsWith(JERSEY_PARAM_EXCEPTION)) {
        return parameter(e);
      }
      Response.StatusType status = e.getResponse().getStatusInfo();
      if (status.getStatusCode() == 415) {
        return response(
            Problem.of(
                415,
                status.getReasonPhrase(),
                "This path takes a body with Content-Type "
                    + accepted(uri == null ? "" : uri.getPath())
                    + ", not "
                    + (headers == null || headers.getMediaType() == null
                        ? "none"
                        : headers.getMediaType())
                    + "."));
      }
      if (status.getStatusCode() == 406) {
        return response(
            Problem.of(
                406,
                status.getReasonPhrase(),
                "This path answers "
                    + produced(uri == null ? "" : uri.getPath())
                    + "; the Accept header asks for "
                    + (headers == null ? "something else" : headers.getAcceptableMediaTypes())
                    + "."));
      }
      String detail =
          switch (status.getStatusCode()) {
            case 400 ->
                e.getMessage().startsWith("HTTP 400")
                    ? "The request body is missing or cannot be read."
                    : e.getMessage();
            case 403 -> "Your account does not have a role that may do this.";
            case 404 ->
                e.getMessage().startsWith("HTTP 404")
                    ? "There is nothing at this path."
                    : e.getMessage();
            case 405 -> "This path does not accept that method.";
            default -> e.getMessage();
          };
      return response(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    /**
     * A parameter JAX-RS could not convert ({@link Parameters} names most; this catches the rest):
     * 400 for a query, header or form parameter, 404 for a path parameter.
     */
    private static Response parameter(WebApplicationException e) {
      String rule =
          cause(e, NumberFormatException.class) != null
              ? "must be a whole number"
              : "has a value that cannot be read";
      String name;
      try {
        name = String.valueOf(e.getClass().getMethod("getParameterName").invoke(e));
      } catch (ReflectiveOperationException notJersey) {
        name = "a parameter";
      }
      boolean inPath = e.getClass().getSimpleName().equals("PathParamException");
      return Parameters.unreadable(name, inPath, rule, "its value").getResponse();
    }

    /** What a path takes as its body. */
    static String accepted(String path) {
      if (path.endsWith("imports/invoices")) {
        return "text/csv (or text/plain, application/octet-stream)";
      }
      if (path.endsWith("bounces")) {
        return "message/rfc822";
      }
      return "application/json";
    }

    /** What a path answers. */
    static String produced(String path) {
      return path.endsWith("/dossier") ? "application/pdf or text/csv" : "application/json";
    }
  }

  /**
   * Anything else is our fault: logged with its stack trace, reported without internals; except a
   * database that cannot be reached (restarting, a network fault), which is a 503 to try again.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {

    @Context private HttpHeaders headers;

    /** How long a client waits before trying again when the database was not reachable. */
    private static final int DATABASE_RETRY_SECONDS = 5;

    /**
     * Whether {@code e} comes from a connection to the database that failed or was closed under the
     * request: SQL state class 08 (connection exception) or 57P (the server shutting down).
     */
    static boolean databaseUnreachable(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLTransientConnectionException) {
          return true;
        }
        if (cause instanceof SQLException sql
            && sql.getSQLState() != null
            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
          return true;
        }
        if (cause.getCause() == cause) {
          break;
        }
      }
      return false;
    }

    @Override
    public Response toResponse(RuntimeException e) {
      if (lostRace(e) || cause(e, ConcurrentChangeException.class) != null) {
        return conflict(e, headers);
      }
      BusinessException refused = cause(e, BusinessException.class);
      if (refused != null) {
        return new BusinessRule(headers).toResponse(refused);
      }
      WebApplicationException answered = cause(e, WebApplicationException.class);
      if (answered != null) {
        return new Protocol().toResponse(answered);
      }
      ConstraintViolationException invalid = cause(e, ConstraintViolationException.class);
      if (invalid != null) {
        return new InvalidInput().toResponse(invalid);
      }
      if (databaseUnreachable(e)) {
        LOG.warning("A request failed while the database was not reachable: " + e);
        return Response.fromResponse(
                response(
                    Problem.of(
                        503,
                        "Service Unavailable",
                        "The database cannot be reached right now; try again in a few seconds.")))
            .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_SECONDS)
            .build();
      }
      LOG.log(Level.SEVERE, "Unexpected error in the REST API", e);
      return response(
          Problem.of(500, "Internal Server Error", "Something went wrong on our side."));
    }
  }
}
