package app.courtesy.web.api;

import app.courtesy.security.Role;
import app.courtesy.shared.Keyset;
import app.courtesy.web.api.Problem.FieldError;
import app.courtesy.webhook.Delivery;
import app.courtesy.webhook.DeliveryStatus;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.SubscriptionTerms;
import app.courtesy.webhook.WebhookDeliveries;
import app.courtesy.webhook.WebhookDispatcher;
import app.courtesy.webhook.WebhookSubscription;
import app.courtesy.webhook.WebhookSubscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhooks for an ERP: subscribing a URL to event types, the deliveries and their outcomes, and
 * sending a given-up delivery again. For administrators and the integration account.
 */
@Path("webhooks")
@RequestScoped
@RolesAllowed({Role.ADMIN_ID, Role.INTEGRATION_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event notifications posted to the ERP")
public class WebhookResource {

  /** The order deliveries are listed in, as their cursors name it. */
  private static final String NEWEST_FIRST = "DELIVERY_NEWEST";

  @Schema(description = "An event type the ERP can subscribe to.")
  public record EventTypeView(
      @Schema(example = "promise.kept") String id,
      String description,
      @Schema(
              type = SchemaType.OBJECT,
              description = "The data of such an event, as the body's data field holds it.")
          JsonObject example) {

    static EventTypeView of(EventType type) {
      return new EventTypeView(
          type.id(),
          type.description(),
          Json.createReader(new StringReader(type.example())).readObject());
    }
  }

  @Schema(description = "A subscription as created or changed.")
  public record SubscriptionRequest(
      @Schema(example = "https://erp.example.com/courtesy-events") String url,
      @Schema(
              description = "Event type ids, see GET /webhooks/event-types",
              example = "[\"payment.reported\", \"dispute.opened\"]")
          List<String> eventTypes,
      @Schema(example = "ERP production") String description,
      @Schema(description = "Only on a change: false stops posting, true resumes it.")
          Boolean active) {}

  @Schema(description = "A subscription; the secret is never shown again after creation.")
  public record SubscriptionView(
      long id,
      String url,
      List<String> eventTypes,
      String description,
      boolean active,
      String createdBy,
      OffsetDateTime createdAt,
      String updatedBy,
      OffsetDateTime updatedAt,
      @Schema(description = "Send it back in If-Match to change the subscription.") long version) {

    static SubscriptionView of(WebhookSubscription subscription) {
      return new SubscriptionView(
          subscription.getId(),
          subscription.getUrl(),
          subscription.getEventTypes().stream().map(EventType::id).toList(),
          subscription.getDescription().orElse(null),
          subscription.isActive(),
          subscription.getCreatedBy(),
          subscription.getCreatedAt(),
          subscription.getUpdatedBy(),
          subscription.getUpdatedAt(),
          subscription.getVersion());
    }
  }

  @Schema(description = "A new subscription with its secret: the only time the secret is shown.")
  public record CreatedSubscription(
      SubscriptionView subscription,
      @Schema(
              description = "The key of every signature (its UTF-8 bytes); keep it secret.",
              example = "whsec_3q2+7wQ5kTzPj0yJ6qf4cQ1a9Vb8Xo2LmN5sR7tU1wE")
          String secret) {}

  @Schema(description = "One event for one subscription and what became of it.")
  public record DeliveryView(
      long id,
      long subscriptionId,
      String url,
      @Schema(description = "The same on every delivery and attempt of the event.") String eventId,
      @Schema(example = "dispute.opened") String eventType,
      Instant occurredAt,
      DeliveryStatus status,
      int attempts,
      Instant nextAttemptAt,
      Instant lastAttemptAt,
      Integer lastStatus,
      String lastError,
      Instant deliveredAt,
      String resentBy,
      Instant resentAt,
      @Schema(
              type = SchemaType.OBJECT,
              description =
                  "What is posted: id, type, occurredAt and data, the same on every attempt.")
          JsonObject body) {

    static DeliveryView of(Delivery delivery) {
      return new DeliveryView(
          delivery.id(),
          delivery.subscriptionId(),
          delivery.url(),
          delivery.eventId(),
          delivery.eventType(),
          delivery.occurredAt(),
          delivery.status(),
          delivery.attempts(),
          delivery.nextAttemptAt(),
          delivery.lastAttemptAt(),
          delivery.lastStatus(),
          delivery.lastError(),
          delivery.deliveredAt(),
          delivery.resentBy(),
          delivery.resentAt(),
          Json.createReader(new StringReader(delivery.body())).readObject());
    }
  }

  @Schema(description = "One page of subscriptions; `next` is null on the last.")
  public record SubscriptionPage(List<SubscriptionView> items, @JsonbNillable String next)
      implements Paged {}

  @Schema(description = "One page of webhook deliveries; `next` is null on the last.")
  public record DeliveryPage(List<DeliveryView> items, @JsonbNillable String next)
      implements Paged {}

  @Inject private WebhookSubscriptions subscriptions;
  @Inject private WebhookDeliveries deliveries;
  @Inject private WebhookDispatcher dispatcher;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  @Path("event-types")
  @Operation(
      summary = "List the event types",
      description =
          "Every event type a subscription can ask for, what it means and an example of its data.")
  public List<EventTypeView> eventTypes() {
    return Arrays.stream(EventType.values()).map(EventTypeView::of).toList();
  }

  @POST
  @Path("subscriptions")
  @Operation(
      summary = "Subscribe a URL to event types",
      description =
          "Creates an active subscription: events of these types that happen from now on are"
              + " posted to the URL, signed with the secret returned here. The secret is shown"
              + " this once only.")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed; Location names the subscription",
      content = @Content(schema = @Schema(implementation = CreatedSubscription.class)))
  public Response subscribe(SubscriptionRequest request) {
    WebhookSubscriptions.Created created = subscriptions.subscribe(terms(request), actor());
    SubscriptionView view = SubscriptionView.of(created.subscription());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build())
        .tag(String.valueOf(view.version()))
        .entity(new CreatedSubscription(view, created.secret()))
        .build();
  }

  @GET
  @Path("subscriptions")
  @Operation(
      summary = "List the subscriptions",
      description = "Every subscription, active ones first; never their secrets.")
  public SubscriptionPage subscriptions() {
    return new SubscriptionPage(
        subscriptions.list().stream().map(SubscriptionView::of).toList(), null);
  }

  @GET
  @Path("subscriptions/{id}")
  @Operation(
      summary = "Read a subscription",
      description = "The subscription; its version is also the ETag to send in If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription; its version is also the ETag.",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  public Response subscription(@PathParam("id") long id) {
    return subscriptionResponse(subscriptions.get(id));
  }

  @PUT
  @Path("subscriptions/{id}")
  @Operation(
      summary = "Change a subscription",
      description =
          "Changes the URL, event types, description and whether it is active, if nobody changed"
              + " it since the version in If-Match. Its pending deliveries go to the new URL;"
              + " deactivated, they wait until it is active again.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription as changed.",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  public Response change(
      @PathParam("id") long id,
      @HeaderParam("If-Match") String version,
      SubscriptionRequest request) {
    long read = IfMatch.version(version, "subscription", "GET /webhooks/subscriptions/{id}");
    boolean active = request == null || request.active() == null || request.active();
    return subscriptionResponse(subscriptions.change(id, read, terms(request), active, actor()));
  }

  @DELETE
  @Path("subscriptions/{id}")
  @Operation(
      summary = "Deactivate a subscription",
      description =
          "Stops posting to the subscription; it and its deliveries stay visible, and a change"
              + " with active true resumes it.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription, inactive.",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  public Response deactivate(@PathParam("id") long id) {
    return subscriptionResponse(subscriptions.deactivate(id, actor()));
  }

  @GET
  @Path("deliveries")
  @Operation(
      summary = "List deliveries",
      description =
          "Deliveries newest first, filtered by subscription, status, event id and event type;"
              + " paged with limit and the cursor of the previous page.")
  public DeliveryPage deliveries(
      @QueryParam("subscription") Long subscription,
      @QueryParam("status") DeliveryStatus status,
      @Parameter(description = "An event id, as the Courtesy-Event-Id header carried it")
          @QueryParam("event")
          String event,
      @Parameter(description = "An event type id, such as promise.kept") @QueryParam("type")
          String type,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    int size = Cursor.limit(limit);
    Keyset after = Cursor.decode(cursor, NEWEST_FIRST);
    EventType eventType =
        type == null
            ? null
            : EventType.findById(type.strip())
                .orElseThrow(() -> invalidParameter("type", "must be an event type id"));
    List<Delivery> rows =
        deliveries.list(
            new WebhookDeliveries.Filter(subscription, status, event, eventType),
            after == null ? null : after.id(),
            size + 1);
    return Page.of(rows, size, NEWEST_FIRST, d -> new Keyset("", d.id()), DeliveryView::of)
        .as(DeliveryPage::new);
  }

  @GET
  @Path("deliveries/{id}")
  @Operation(
      summary = "Read a delivery",
      description = "The delivery, its attempts, last answer and the body it posts.")
  public DeliveryView delivery(@PathParam("id") long id) {
    return DeliveryView.of(deliveries.get(id));
  }

  @POST
  @Path("deliveries/{id}/resend")
  @Operation(
      summary = "Send a failed delivery again",
      description =
          "A delivery given up after its last attempt is due again now, with a fresh round of"
              + " attempts and the same event id; 409 when it is not failed.")
  public DeliveryView resend(@PathParam("id") long id) {
    return DeliveryView.of(deliveries.resend(id, actor()));
  }

  @POST
  @Path("deliveries/send")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Post what is due now",
      description =
          "Posts the due deliveries now instead of at the next minute, claiming at most max"
              + " (default 1,000): what became of them.")
  public WebhookDispatcher.Round send(@QueryParam("max") Integer max) {
    int claims = max == null ? 1_000 : max;
    if (claims < 1 || claims > OutboxResource.MAX_CLAIMS) {
      throw invalidParameter("max", "must be between 1 and " + OutboxResource.MAX_CLAIMS);
    }
    return dispatcher.deliver(claims);
  }

  private Response subscriptionResponse(WebhookSubscription subscription) {
    return Response.ok(SubscriptionView.of(subscription))
        .tag(String.valueOf(subscription.getVersion()))
        .build();
  }

  /** The request as terms, each unknown event type named by its index ({@code eventTypes[1]}). */
  private static SubscriptionTerms terms(SubscriptionRequest request) {
    if (request == null) {
      throw new WebApplicationException(
          ApiErrors.response(Problem.of(400, "Bad Request", "The request body is empty.")));
    }
    List<FieldError> unknown = new ArrayList<>();
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    List<String> names = request.eventTypes() == null ? List.of() : request.eventTypes();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int index = i;
      EventType.findById(name == null ? "" : name.strip())
          .ifPresentOrElse(
              types::add,
              () ->
                  unknown.add(
                      new FieldError(
                          "eventTypes[" + index + "]",
                          "must be an event type id, see GET /webhooks/event-types")));
    }
    if (!unknown.isEmpty()) {
      throw new WebApplicationException(ApiErrors.invalidFields(unknown));
    }
    return new SubscriptionTerms(request.url(), types, request.description());
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }

  private static WebApplicationException invalidParameter(String name, String message) {
    return new WebApplicationException(
        ApiErrors.invalidFields(List.of(new FieldError(name, message))));
  }
}
