package app.courtesy.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document Payara builds from the resources' annotations ({@code
 * mp.openapi.filter}), so that every operation is documented the same way without each resource
 * repeating it:
 *
 * <ul>
 *   <li>paths relative to the one server, {@code /api/v1}; HTTP Basic for every operation that
 *       names roles (which roles, in its description), none for those that name none;
 *   <li>request bodies, parameters and success responses typed from the Java methods by {@link
 *       JsonSchemas}, as the API's JSON-B writes them: a method that answers a {@link Response}
 *       says what with {@code @APIResponse(responseCode, content = @Content(schema
 *       = @Schema(implementation = …)))};
 *   <li>the errors every operation may answer, as {@code application/problem+json} with the {@link
 *       Problem} schema: 400 for what it reads, 401, 403 where roles apply, 404 where it names
 *       something, 409 and 422 for changes, 412 where it reads {@code If-Match}, 413 and 415 for
 *       bodies, 406, 429, 500, 503;
 *   <li>the {@code Idempotency-Key} header on every POST ({@link IdempotencyFilter}), the meaning
 *       of {@code If-Match} where a method reads it ({@link IfMatch}), and unique operation ids.
 * </ul>
 *
 * A stale {@code If-Match} is a 412 (someone changed it since the version sent); a change that
 * loses a race without one is a 409.
 */
public class OpenApiDocument implements OASFilter {

  /** Where the API lives; the document's one server. */
  static final String SERVER = "/api/v1";

  static final String BASIC = "basic";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  private static final Map<Integer, String> ERRORS = new LinkedHashMap<>();

  static {
    ERRORS.put(400, "The request is not valid: each invalid field or parameter is named.");
    ERRORS.put(401, "No credentials, or wrong ones: sign in with HTTP Basic authentication.");
    ERRORS.put(403, "Your account does not have a role that may do this.");
    ERRORS.put(404, "What the request names does not exist.");
    ERRORS.put(406, "The Accept header asks for a type this path does not answer.");
    ERRORS.put(
        409,
        "A conflict: someone else's change of the same thing came first (reload, then try"
            + " again), it was done before, or a request with the same Idempotency-Key is still"
            + " running.");
    ERRORS.put(
        412,
        "Someone changed it since the version sent in If-Match: nothing was written; read it"
            + " again, then decide.");
    ERRORS.put(413, "The request body is larger than this API accepts.");
    ERRORS.put(415, "The request body is not of a type this path takes.");
    ERRORS.put(
        422,
        "A business rule refuses it, or the Idempotency-Key was used for a different request.");
    ERRORS.put(
        429, "Too many failed sign-ins from this address or for this account; see Retry-After.");
    ERRORS.put(500, "Something went wrong on our side.");
    ERRORS.put(503, "The database cannot be reached right now; see Retry-After.");
  }

  @Override
  public void filterOpenAPI(OpenAPI api) {
    JsonSchemas schemas = new JsonSchemas();
    schemas.of(Problem.class);
    List<Endpoint> endpoints = Endpoint.all();
    Map<String, PathItem> relative = new TreeMap<>();
    Map<String, PathItem> served =
        api.getPaths() == null ? Map.of() : api.getPaths().getPathItems();
    for (Map.Entry<String, PathItem> path : new TreeMap<>(served).entrySet()) {
      if (!path.getKey().startsWith(SERVER + "/")) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> operation :
          path.getValue().getOperations().entrySet()) {
        List<Method> methods =
            endpoints.stream()
                .filter(e -> e.matches(path.getKey(), operation.getKey()))
                .map(Endpoint::method)
                .toList();
        if (!methods.isEmpty()) {
          document(operation.getKey(), operation.getValue(), methods, schemas);
        }
      }
      relative.put(path.getKey().substring(SERVER.length()), path.getValue());
    }
    withoutPayaraEndpoints(api);
    Paths paths = OASFactory.createPaths();
    relative.forEach(paths::addPathItem);
    api.paths(paths);
    uniqueOperationIds(relative);

    api.servers(
        List.of(
            OASFactory.createServer()
                .url(SERVER)
                .description("This server: the API's version 1, beside the application.")));
    if (api.getComponents() == null) {
      api.components(OASFactory.createComponents());
    }
    api.getComponents().schemas(new TreeMap<>(schemas.components()));
    Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> errors =
        new TreeMap<>();
    ERRORS.keySet().forEach(status -> errors.put(errorName(status), errorResponse(status)));
    api.getComponents().responses(errors);
    api.getComponents()
        .securitySchemes(
            Map.of(
                BASIC,
                OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("basic")
                    .description(
                        "Any account's username and password; what it may do follows its roles"
                            + " (collector, approver, admin, integration).")));
    if (api.getTags() != null) {
      Map<String, org.eclipse.microprofile.openapi.models.tags.Tag> tags = new TreeMap<>();
      for (org.eclipse.microprofile.openapi.models.tags.Tag tag : api.getTags()) {
        tags.merge(tag.getName(), tag, (a, b) -> a.getDescription() != null ? a : b);
      }
      api.tags(new ArrayList<>(tags.values()));
    }
  }

  /**
   * Payara adds a top-level field of its own, {@code endpoints} (the paths again, by context root),
   * that OpenAPI does not define and that parsers and generators refuse: it is taken out.
   */
  private static void withoutPayaraEndpoints(OpenAPI api) {
    for (Method method : api.getClass().getMethods()) {
      if (method.getName().equals("setEndpoints") && method.getParameterCount() == 1) {
        try {
          method.invoke(api, new TreeMap<>());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot take Payara's endpoints out of the document", e);
        }
      }
    }
  }

  private static void document(
      PathItem.HttpMethod verb, Operation operation, List<Method> methods, JsonSchemas schemas) {
    Method method = methods.get(0);
    Class<?> resource = method.getDeclaringClass();
    operation.operationId(method.getName());
    List<String> roles = roles(method);
    boolean secured = roles != null;
    if (secured) {
      // per operation rather than for the whole document: Payara writes no empty list, by which an
      // operation open to anyone would say so
      operation.security(List.of(OASFactory.createSecurityRequirement().addScheme(BASIC)));
      operation.description(
          Objects.requireNonNullElse(operation.getDescription(), "")
              + (operation.getDescription() == null ? "" : "\n\n")
              + "Roles: "
              + String.join(", ", roles)
              + ".");
    }
    parameters(verb, operation, methods, schemas);
    boolean ifMatch =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
    boolean body = requestBody(operation, methods, schemas);
    boolean changes = verb != PathItem.HttpMethod.GET && verb != PathItem.HttpMethod.HEAD;
    boolean reads =
        body
            || changes
            || (operation.getParameters() != null
                && operation.getParameters().stream()
                    .anyMatch(
                        p ->
                            p.getIn()
                                != org.eclipse.microprofile.openapi.models.parameters.Parameter.In
                                    .PATH));
    boolean names =
        reads
            || (operation.getParameters() != null
                && operation.getParameters().stream()
                    .anyMatch(
                        p ->
                            p.getIn()
                                == org.eclipse.microprofile.openapi.models.parameters.Parameter.In
                                    .PATH));

    Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> responses =
        new TreeMap<>();
    successes(method, resource, schemas).forEach(responses::put);
    for (int status : ERRORS.keySet()) {
      boolean applies =
          switch (status) {
            case 400 -> reads;
            case 403, 429 -> secured;
            case 404 -> names;
            case 409, 422 -> changes;
            case 412 -> ifMatch;
            case 413, 415 -> body;
            default -> true;
          };
      if (applies) {
        responses.putIfAbsent(String.valueOf(status), problem(status));
      }
    }
    declared(method).stream()
        .filter(a -> !a.responseCode().startsWith("2"))
        .forEach(
            a -> responses.put(a.responseCode(), declaredResponse(a, method, resource, schemas)));
    APIResponses all = OASFactory.createAPIResponses();
    responses.forEach(all::addAPIResponse);
    operation.responses(all);
  }

  /** The roles that may call the method, or null when it is open to anyone. */
  private static List<String> roles(Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    return allowed == null ? null : List.of(allowed.value());
  }

  private static void parameters(
      PathItem.HttpMethod verb, Operation operation, List<Method> methods, JsonSchemas schemas) {
    List<org.eclipse.microprofile.openapi.models.parameters.Parameter> documented =
        operation.getParameters() == null
            ? new ArrayList<>()
            : new ArrayList<>(operation.getParameters());
    for (org.eclipse.microprofile.openapi.models.parameters.Parameter parameter : documented) {
      for (Method method : methods) {
        for (Parameter java : method.getParameters()) {
          if (!named(java, parameter)) {
            continue;
          }
          Schema schema = schemas.of(java.getParameterizedType());
          DefaultValue defaultValue = java.getAnnotation(DefaultValue.class);
          if (defaultValue != null) {
            schema.defaultValue(defaultValue.value());
          }
          parameter.schema(schema);
        }
      }
      if (parameter.getIn()
          == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH) {
        parameter.required(true);
      }
      if ("If-Match".equalsIgnoreCase(parameter.getName())) {
        parameter
            .description(
                "The version of what this changes, as read (the `version` of its GET), e.g. \"3\"."
                    + " When someone changed it since, nothing is written and the answer is 412.")
            .example("\"3\"");
      }
    }
    if (verb == PathItem.HttpMethod.POST) {
      documented.add(
          OASFactory.createParameter()
              .name(IdempotencyFilter.HEADER)
              .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
              .required(false)
              .description(
                  "Any text of 1 to 200 characters, new for each request the caller means: the"
                      + " first answer is stored and replayed (with Idempotent-Replayed: true) for"
                      + " a retry with the same key and body; the same key with another body is a"
                      + " 422, and a 409 while the first request is still running.")
              .schema(OASFactory.createSchema().type(SchemaType.STRING).minLength(1).maxLength(200))
              .example("erp-7f3a2c"));
    }
    operation.parameters(documented.isEmpty() ? null : documented);
  }

  private static boolean named(
      Parameter java, org.eclipse.microprofile.openapi.models.parameters.Parameter parameter) {
    String name = parameter.getName();
    return switch (parameter.getIn()) {
      case PATH ->
          java.isAnnotationPresent(PathParam.class)
              && java.getAnnotation(PathParam.class).value().equals(name);
      case QUERY ->
          java.isAnnotationPresent(QueryParam.class)
              && java.getAnnotation(QueryParam.class).value().equals(name);
      case HEADER ->
          java.isAnnotationPresent(HeaderParam.class)
              && java.getAnnotation(HeaderParam.class).value().equalsIgnoreCase(name);
      default -> false;
    };
  }

  /** The request body of each method at this path and verb; whether there is one. */
  private static boolean requestBody(
      Operation operation, List<Method> methods, JsonSchemas schemas) {
    Content content = OASFactory.createContent();
    for (Method method : methods) {
      Parameter entity = entity(method);
      List<Parameter> form =
          Arrays.stream(method.getParameters())
              .filter(p -> p.isAnnotationPresent(FormParam.class))
              .toList();
      if (entity == null && form.isEmpty()) {
        continue;
      }
      Schema schema;
      if (entity != null) {
        schema = schemas.of(entity.getParameterizedType());
      } else {
        Schema fields = OASFactory.createSchema().type(SchemaType.OBJECT);
        for (Parameter field : form) {
          fields.addProperty(
              field.getAnnotation(FormParam.class).value(),
              schemas.of(field.getParameterizedType()));
        }
        schema =
            schemas.named(
                Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1),
                fields);
      }
      for (String type : consumes(method)) {
        content.addMediaType(type, OASFactory.createMediaType().schema(schema));
      }
    }
    if (content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
      operation.requestBody(null);
      return false;
    }
    RequestBody body =
        operation.getRequestBody() == null
            ? OASFactory.createRequestBody()
            : operation.getRequestBody();
    operation.requestBody(body.content(content));
    return true;
  }

  /** The parameter JAX-RS fills with the body: the one without an annotation of its own. */
  private static Parameter entity(Method method) {
    for (Parameter parameter : method.getParameters()) {
      boolean annotated =
          Arrays.stream(parameter.getAnnotations())
              .map(Annotation::annotationType)
              .anyMatch(
                  type -> type.getName().startsWith("jakarta.ws.rs.") || type == Context.class);
      if (!annotated) {
        return parameter;
      }
    }
    return null;
  }

  private static List<String> consumes(Method method) {
    Consumes consumes = method.getAnnotation(Consumes.class);
    if (consumes == null) {
      consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
    }
    return consumes == null
        ? List.of(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
        : List.of(consumes.value());
  }

  private static List<String> produces(Method method) {
    Produces produces = method.getAnnotation(Produces.class);
    if (produces == null) {
      produces = method.getDeclaringClass().getAnnotation(Produces.class);
    }
    return produces == null
        ? List.of(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
        : List.of(produces.value());
  }

  /**
   * The success responses: those the method declares with {@code @APIResponse}, else 200 with its
   * return type (204 for {@code void}). A {@link Response} says nothing of its body: without a
   * declared response, its 200 has no content, and the contract test names it.
   */
  private static Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse>
      successes(Method method, Class<?> resource, JsonSchemas schemas) {
    Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> successes =
        new TreeMap<>();
    declared(method).stream()
        .filter(a -> a.responseCode().startsWith("2"))
        .forEach(
            a -> successes.put(a.responseCode(), declaredResponse(a, method, resource, schemas)));
    if (!successes.isEmpty()) {
      return successes;
    }
    if (method.getReturnType() == void.class) {
      successes.put("204", OASFactory.createAPIResponse().description("Done; nothing to say."));
      return successes;
    }
    org.eclipse.microprofile.openapi.models.responses.APIResponse ok =
        OASFactory.createAPIResponse().description("OK.");
    if (method.getReturnType() != Response.class) {
      ok.content(content(produces(method), schemas.of(method.getGenericReturnType())));
    }
    successes.put("200", ok);
    return successes;
  }

  private static List<APIResponse> declared(Method method) {
    List<APIResponse> declared =
        new ArrayList<>(Arrays.asList(method.getAnnotationsByType(APIResponse.class)));
    org.eclipse.microprofile.openapi.annotations.responses.APIResponses group =
        method.getAnnotation(
            org.eclipse.microprofile.openapi.annotations.responses.APIResponses.class);
    if (group != null) {
      declared.addAll(Arrays.asList(group.value()));
    }
    return declared;
  }

  private static org.eclipse.microprofile.openapi.models.responses.APIResponse declaredResponse(
      APIResponse declared, Method method, Class<?> resource, JsonSchemas schemas) {
    org.eclipse.microprofile.openapi.models.responses.APIResponse response =
        OASFactory.createAPIResponse().description(declared.description());
    for (org.eclipse.microprofile.openapi.annotations.media.Content content : declared.content()) {
      org.eclipse.microprofile.openapi.annotations.media.Schema schema = content.schema();
      if (schema.implementation() == Void.class) {
        continue;
      }
      Schema typed = schemas.of(schema.implementation());
      if (schema.type() == org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY) {
        typed = OASFactory.createSchema().type(SchemaType.ARRAY).items(typed);
      }
      List<String> types =
          content.mediaType().isEmpty()
              ? (declared.responseCode().startsWith("2") ? produces(method) : List.of(PROBLEM_JSON))
              : List.of(content.mediaType());
      if (!declared.responseCode().startsWith("2") && content.mediaType().isEmpty()) {
        types = List.of(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
      }
      response.content(content(types, typed));
    }
    if (!hasContent(response)
        && declared.responseCode().startsWith("2")
        && declared.content().length > 0) {
      response.content(content(produces(method), JsonSchemas.binary()));
    }
    if (!hasContent(response) && !declared.responseCode().startsWith("2")) {
      return errorResponse(Integer.parseInt(declared.responseCode()))
          .description(declared.description());
    }
    return response;
  }

  private static boolean hasContent(
      org.eclipse.microprofile.openapi.models.responses.APIResponse response) {
    return response.getContent() != null
        && response.getContent().getMediaTypes() != null
        && !response.getContent().getMediaTypes().isEmpty();
  }

  private static Content content(List<String> types, Schema json) {
    Content content = OASFactory.createContent();
    for (String type : types) {
      boolean isJson = type.equals("application/json") || type.endsWith("+json");
      content.addMediaType(
          type, OASFactory.createMediaType().schema(isJson ? json : JsonSchemas.binary()));
    }
    return content;
  }

  /** The shared answer for an error status, under {@code components.responses}. */
  private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(int status) {
    return OASFactory.createAPIResponse().ref("#/components/responses/" + errorName(status));
  }

  /** The name of an error's shared answer: its reason phrase, e.g. {@code BadRequest}. */
  static String errorName(int status) {
    return Response.Status.fromStatusCode(status) == null
        ? "TooManyRequests"
        : Response.Status.fromStatusCode(status).getReasonPhrase().replaceAll("[^A-Za-z]", "");
  }

  private static org.eclipse.microprofile.openapi.models.responses.APIResponse errorResponse(
      int status) {
    org.eclipse.microprofile.openapi.models.responses.APIResponse response =
        OASFactory.createAPIResponse()
            .description(ERRORS.getOrDefault(status, "An error."))
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        PROBLEM_JSON,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    if (status == 429 || status == 503) {
      response.addHeader(
          "Retry-After",
          OASFactory.createHeader()
              .description("Seconds to wait before trying again.")
              .schema(OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")));
    }
    if (status == 401) {
      response.addHeader(
          "WWW-Authenticate",
          OASFactory.createHeader()
              .description("The Basic challenge, realm \"Courtesy API\".")
              .schema(OASFactory.createSchema().type(SchemaType.STRING)));
    }
    return response;
  }

  /**
   * Operation ids as the Java methods are named, prefixed with their tag ({@code upsert} → {@code
   * customersUpsert}, {@code invoicesUpsert}), so an id never changes because another resource
   * gained a method of the same name; a name used twice within one tag is numbered.
   */
  private static void uniqueOperationIds(Map<String, PathItem> paths) {
    Map<String, Integer> taken = new HashMap<>();
    paths.values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .filter(op -> op.getOperationId() != null)
        .forEach(
            op -> {
              String id = op.getOperationId();
              String prefix =
                  op.getTags() == null || op.getTags().isEmpty() ? "api" : op.getTags().get(0);
              op.operationId(
                  Character.toLowerCase(prefix.charAt(0))
                      + prefix.substring(1).replaceAll("[^A-Za-z0-9]", "")
                      + Character.toUpperCase(id.charAt(0))
                      + id.substring(1));
            });
    paths.values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .forEach(
            op -> {
              int n = taken.merge(op.getOperationId(), 1, Integer::sum);
              if (n > 1) {
                op.operationId(op.getOperationId() + n);
              }
            });
  }

  /** A resource method: its path under the server and its HTTP method. */
  private record Endpoint(String path, PathItem.HttpMethod verb, Method method) {

    private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> VERBS =
        Map.of(
            GET.class, PathItem.HttpMethod.GET,
            POST.class, PathItem.HttpMethod.POST,
            PUT.class, PathItem.HttpMethod.PUT,
            DELETE.class, PathItem.HttpMethod.DELETE,
            PATCH.class, PathItem.HttpMethod.PATCH,
            HEAD.class, PathItem.HttpMethod.HEAD);

    boolean matches(String documented, PathItem.HttpMethod documentedVerb) {
      return verb == documentedVerb && path.equals(documented);
    }

    /** Every resource method of the API, from the classes of this package. */
    static List<Endpoint> all() {
      List<Endpoint> endpoints = new ArrayList<>();
      for (Class<?> resource : resources()) {
        String base = resource.getAnnotation(Path.class).value();
        for (Method method : resource.getDeclaredMethods()) {
          for (Map.Entry<Class<? extends Annotation>, PathItem.HttpMethod> verb :
              VERBS.entrySet()) {
            if (method.isAnnotationPresent(verb.getKey())) {
              Path sub = method.getAnnotation(Path.class);
              endpoints.add(
                  new Endpoint(
                      join(SERVER, base, sub == null ? "" : sub.value()), verb.getValue(), method));
            }
          }
        }
      }
      endpoints.sort(
          (a, b) -> a.method().toGenericString().compareTo(b.method().toGenericString()));
      return endpoints;
    }

    private static String join(String... parts) {
      StringBuilder path = new StringBuilder();
      for (String part : parts) {
        for (String segment : part.split("/")) {
          if (!segment.isEmpty()) {
            path.append('/').append(segment.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}"));
          }
        }
      }
      return path.toString();
    }

    /** The root resource classes of this package ({@code @Path} on the class). */
    private static List<Class<?>> resources() {
      String pkg = OpenApiDocument.class.getPackageName();
      String folder = pkg.replace('.', '/');
      ClassLoader loader = OpenApiDocument.class.getClassLoader();
      TreeSet<String> names = new TreeSet<>();
      try {
        for (URL url : Collections.list(loader.getResources(folder))) {
          if (url.getProtocol().equals("file")) {
            File[] files = new File(new URI(url.toString())).listFiles();
            for (File file : files == null ? new File[0] : files) {
              names.add(file.getName());
            }
          } else if (url.getProtocol().equals("jar")) {
            try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
              for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0) {
                  names.add(name.substring(folder.length() + 1));
                }
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      List<Class<?>> resources = new ArrayList<>();
      for (String name : names) {
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        try {
          Class<?> type =
              Class.forName(pkg + "." + name.substring(0, name.length() - 6), false, loader);
          if (type.isAnnotationPresent(Path.class)) {
            resources.add(type);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
      if (resources.isEmpty()) {
        throw new IllegalStateException("No resource classes found in " + pkg);
      }
      return resources;
    }
  }
}
