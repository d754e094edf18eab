package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /openapi} is the API's contract: it parses without a message, it
 * says what every operation is, takes and answers (errors included), and it is the document the
 * Java client of {@code ErpDayClientIT} was generated from. An operation added without its
 * {@code @Tag}, {@code @Operation} or typed answer fails here, naming it.
 */
class OpenApiContractIT {

  /** The committed copy the client is generated from (ar-ear's working directory is its base). */
  static final Path COMMITTED = Path.of("src/test/openapi/courtesy.yaml");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String served = ApiContract.servedDocument();
  private final OpenAPI document = parse(served);

  @Test
  void theDocumentParsesWithoutAMessageAndNamesTheApi() {
    ParseOptions options = new ParseOptions();
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);

    assertThat(result.getMessages()).as("what the parser says of /openapi").isEmpty();
    assertThat(document.getInfo().getTitle()).isEqualTo("Courtesy API");
    assertThat(document.getInfo().getVersion()).isEqualTo("1.0");
    assertThat(document.getInfo().getDescription()).contains("Idempotency-Key", "If-Match");
    assertThat(document.getServers())
        .singleElement()
        .satisfies(s -> assertThat(s.getUrl()).isEqualTo("/api/v1"));
    SecurityScheme basic = document.getComponents().getSecuritySchemes().get("basic");
    assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(basic.getScheme()).isEqualTo("basic");
    List<String> open = new ArrayList<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (verb, operation) -> {
                          if (operation.getSecurity() == null
                              || operation.getSecurity().stream()
                                  .noneMatch(r -> r.containsKey("basic"))) {
                            open.add(verb + " " + path);
                          }
                        }));
    assertThat(open).as("operations without HTTP Basic").containsExactly("POST /inbound/sms");
  }

  @Test
  void everyOperationSaysWhatItIsTakesAndAnswers() {
    List<String> wrong = new ArrayList<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((verb, operation) -> check(path, verb, operation, wrong)));

    assertThat(document.getPaths()).hasSizeGreaterThan(50);
    assertThat(wrong).as("operations that are not documented as the contract requires").isEmpty();
  }

  @Test
  void everyNamedSchemaIsTyped() {
    List<String> untyped = new ArrayList<>();
    document
        .getComponents()
        .getSchemas()
        .forEach((name, schema) -> typed("components.schemas." + name, schema, untyped));

    assertThat(untyped).as("schemas that say no more than object").isEmpty();
    Schema<?> money = document.getComponents().getSchemas().get("Money");
    assertThat(money.getRequired()).containsExactly("amount", "currency");
    assertThat(((Schema<?>) money.getProperties().get("amount")).getFormat()).isEqualTo("number");
    Schema<?> problem = document.getComponents().getSchemas().get("Problem");
    assertThat(problem.getProperties()).containsKeys("status", "title", "detail", "errors");
  }

  @Test
  void theServedDocumentIsTheCommittedOneTheClientIsGeneratedFrom() throws IOException {
    Path fresh = Path.of("target/openapi/courtesy.yaml");
    Files.createDirectories(fresh.getParent());
    Files.writeString(fresh, served, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("openapi.refresh")) {
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
    }

    JsonNode committed = YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    assertThat(YAML.readTree(served))
        .as(
            "The API's document changed: /openapi is no longer %s, from which the client is"
                + " generated. If the change is meant, refresh the copy (then look at the diff"
                + " and commit it): run this test with -Dopenapi.refresh=true, or copy %s over it.",
            COMMITTED, fresh)
        .isEqualTo(committed);
  }

  private void check(
      String path, PathItem.HttpMethod verb, Operation operation, List<String> wrong) {
    String name = verb + " " + path;
    if (operation.getSummary() == null || operation.getSummary().isBlank()) {
      wrong.add(name + ": no summary (@Operation(summary = …))");
    }
    if (operation.getDescription() == null || operation.getDescription().isBlank()) {
      wrong.add(name + ": no description (@Operation(description = …))");
    }
    if (operation.getTags() == null || operation.getTags().size() != 1) {
      wrong.add(name + ": not one tag (@Tag on the resource class)");
    }
    if (operation.getRequestBody() != null) {
      Content content = operation.getRequestBody().getContent();
      content.forEach(
          (type, media) -> {
            if (type.contains("json")) {
              typed(name + " request body " + type, media.getSchema(), wrong);
            }
          });
    }
    Map<String, ApiResponse> responses = operation.getResponses();
    List<String> successes =
        responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
    if (successes.isEmpty() || responses.containsKey("default")) {
      wrong.add(name + ": no success response, or a default one; declare @APIResponse");
    }
    for (String code : successes) {
      ApiResponse response = responses.get(code);
      if (code.equals("200") && response.getContent() == null) {
        wrong.add(
            name
                + ": 200 says nothing of its body; a method that answers a Response declares it"
                + " with @APIResponse(responseCode, content = @Content(schema = @Schema("
                + "implementation = …)))");
      }
      if (response.getContent() != null) {
        response
            .getContent()
            .forEach(
                (type, media) -> {
                  if (type.contains("json")) {
                    typed(name + " " + code + " " + type, media.getSchema(), wrong);
                  }
                });
      }
    }
    List<String> errors = new ArrayList<>(List.of("401", "406", "500", "503"));
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    if (secured) {
      errors.addAll(List.of("403", "429"));
    }
    if (path.contains("{")) {
      errors.add("404");
    }
    if (operation.getRequestBody() != null) {
      errors.addAll(List.of("400", "413", "415"));
    }
    if (verb != PathItem.HttpMethod.GET) {
      errors.addAll(List.of("400", "409", "422"));
    }
    for (String code : errors) {
      ApiResponse error = responses.get(code);
      if (error == null) {
        wrong.add(name + ": no " + code + " response");
      } else if (!problem(error) && !declaredJson(error)) {
        wrong.add(
            name + ": its " + code + " is not application/problem+json with the Problem schema");
      }
    }
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    if (parameters.stream().anyMatch(p -> p.getName().equals("If-Match"))
        && !responses.containsKey("412")) {
      wrong.add(name + ": reads If-Match but has no 412 response");
    }
    if (verb == PathItem.HttpMethod.POST
        && parameters.stream().noneMatch(p -> p.getName().equals("Idempotency-Key"))) {
      wrong.add(name + ": no Idempotency-Key header");
    }
    for (Parameter parameter : parameters) {
      if (parameter.getSchema() == null
          || (parameter.getSchema().getType() == null && parameter.getSchema().get$ref() == null)) {
        wrong.add(name + ": parameter " + parameter.getName() + " has no type");
      }
      if (parameter.getName().equals("If-Match")
          && (parameter.getDescription() == null || !parameter.getDescription().contains("412"))) {
        wrong.add(name + ": If-Match does not say what it takes");
      }
    }
  }

  /** Whether an error answer is one of the operation's own, typed (an import's report). */
  private static boolean declaredJson(ApiResponse response) {
    if (response.getContent() == null || response.getContent().get("application/json") == null) {
      return false;
    }
    List<String> untyped = new ArrayList<>();
    typed("", response.getContent().get("application/json").getSchema(), untyped);
    return untyped.isEmpty();
  }

  /** Whether an error answer is a Problem as problem+json, directly or by reference. */
  private boolean problem(ApiResponse response) {
    ApiResponse resolved =
        response.get$ref() == null
            ? response
            : document
                .getComponents()
                .getResponses()
                .get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
    return resolved != null
        && resolved.getContent() != null
        && resolved.getContent().get("application/problem+json") != null
        && "#/components/schemas/Problem"
            .equals(resolved.getContent().get("application/problem+json").getSchema().get$ref());
  }

  /** Adds {@code where} to {@code untyped} when the schema is a bare object, or has none. */
  private static void typed(String where, Schema<?> schema, List<String> untyped) {
    if (schema == null) {
      untyped.add(where + ": no schema");
      return;
    }
    if (schema.get$ref() != null || schema.getAllOf() != null) {
      return;
    }
    if ("array".equals(schema.getType())) {
      typed(where + "[]", schema.getItems(), untyped);
      return;
    }
    if (schema.getType() == null && schema.getDescription() != null) {
      return; // any JSON value, said so
    }
    boolean bareObject =
        schema.getType() == null
            || ("object".equals(schema.getType())
                && schema.getProperties() == null
                && schema.getAdditionalProperties() == null);
    if (bareObject) {
      untyped.add(where + ": a bare object");
      return;
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach((property, value) -> typed(where + "." + property, value, untyped));
    }
  }

  private static OpenAPI parse(String yaml) {
    OpenAPI parsed =
        new OpenAPIV3Parser().readContents(yaml, null, new ParseOptions()).getOpenAPI();
    assertThat(parsed).as("the document at /openapi, parsed").isNotNull();
    return parsed;
  }
}
