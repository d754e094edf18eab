package app.courtesy.web.admin;

import app.courtesy.shared.ClockProducer;
import app.courtesy.web.CurrentUser;
import app.courtesy.webhook.Delivery;
import app.courtesy.webhook.DeliveryRefusedException;
import app.courtesy.webhook.DeliveryStatus;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.SubscriptionTerms;
import app.courtesy.webhook.WebhookDeliveries;
import app.courtesy.webhook.WebhookSubscription;
import app.courtesy.webhook.WebhookSubscriptions;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Backs {@code admin/webhooks.xhtml}: subscribing a URL to event types (its secret shown once),
 * deactivating a subscription, and the recent deliveries with their outcome, a failed one sent
 * again on request.
 */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Deliveries the page shows, newest first. */
  static final int RECENT = 50;

  @Inject private transient WebhookSubscriptions subscriptions;
  @Inject private transient WebhookDeliveries deliveries;
  @Inject private transient ClockProducer clock;
  @Inject private CurrentUser currentUser;

  private String url;
  private String description;

  /** The chosen event types by their enum names. */
  private List<String> eventTypes = new ArrayList<>();

  private DeliveryStatus shownStatus;
  private String secret;
  private String secretUrl;
  private transient List<WebhookSubscription> shownSubscriptions;
  private transient List<Delivery> shownDeliveries;

  /** Subscribes the URL; its secret is shown on this page this once. */
  public void subscribe() {
    WebhookSubscriptions.Created created =
        subscriptions.subscribe(
            new SubscriptionTerms(
                url,
                eventTypes.stream()
                    .map(EventType::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class))),
                description),
            currentUser.getUsername());
    secret = created.secret();
    secretUrl = created.subscription().getUrl();
    url = null;
    description = null;
    eventTypes = new ArrayList<>();
    shownSubscriptions = null;
  }

  public void deactivate(WebhookSubscription subscription) {
    subscriptions.deactivate(subscription.getId(), currentUser.getUsername());
    message(FacesMessage.SEVERITY_INFO, "Nothing more is posted to " + subscription.getUrl() + ".");
    shownSubscriptions = null;
  }

  public void resend(Delivery delivery) {
    try {
      deliveries.resend(delivery.id(), currentUser.getUsername());
      message(
          FacesMessage.SEVERITY_INFO,
          "The " + delivery.eventType() + " event goes to " + delivery.url() + " again now.");
    } catch (DeliveryRefusedException refused) {
      message(FacesMessage.SEVERITY_WARN, refused.getMessage());
    }
    shownDeliveries = null;
  }

  /** Shows the deliveries of the chosen status (all when none). */
  public void filter() {
    shownDeliveries = null;
  }

  public List<WebhookSubscription> getSubscriptions() {
    if (shownSubscriptions == null) {
      shownSubscriptions = subscriptions.list();
    }
    return shownSubscriptions;
  }

  public List<Delivery> getDeliveries() {
    if (shownDeliveries == null) {
      shownDeliveries =
          deliveries.list(
              new WebhookDeliveries.Filter(null, shownStatus, null, null), null, RECENT);
    }
    return shownDeliveries;
  }

  /** The subscription's event types, as the ERP names them. */
  public String types(WebhookSubscription subscription) {
    return subscription.getEventTypes().stream()
        .map(EventType::id)
        .collect(Collectors.joining(", "));
  }

  /** An instant as the organisation's clock shows it. */
  public ZonedDateTime at(Instant instant) {
    return instant == null ? null : instant.atZone(clock.zone());
  }

  /** What the time in the "When" column is: the next attempt, the delivery, the giving up. */
  public String whenLabel(Delivery delivery) {
    return switch (delivery.status()) {
      case PENDING -> "Next attempt";
      case DELIVERED -> "Delivered";
      case FAILED -> "Given up";
    };
  }

  /** The time {@link #whenLabel} names, on the organisation's clock. */
  public ZonedDateTime when(Delivery delivery) {
    return at(
        switch (delivery.status()) {
          case PENDING -> delivery.nextAttemptAt();
          case DELIVERED -> delivery.deliveredAt();
          case FAILED -> delivery.lastAttemptAt();
        });
  }

  /** What the receiver answered last, in words. */
  public String lastAnswer(Delivery delivery) {
    if (delivery.status() == DeliveryStatus.DELIVERED) {
      return "HTTP " + delivery.lastStatus();
    }
    return delivery.lastError() == null ? "Not tried yet" : delivery.lastError();
  }

  public String statusLabel(DeliveryStatus status) {
    return switch (status) {
      case PENDING -> "Pending";
      case DELIVERED -> "Delivered";
      case FAILED -> "Failed";
    };
  }

  public List<EventType> getAllEventTypes() {
    return Arrays.asList(EventType.values());
  }

  public List<DeliveryStatus> getStatuses() {
    return Arrays.asList(DeliveryStatus.values());
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(List<String> eventTypes) {
    this.eventTypes = eventTypes;
  }

  public DeliveryStatus getShownStatus() {
    return shownStatus;
  }

  public void setShownStatus(DeliveryStatus shownStatus) {
    this.shownStatus = shownStatus;
  }

  /** The secret of the subscription just made; null otherwise. */
  public String getSecret() {
    return secret;
  }

  public String getSecretUrl() {
    return secretUrl;
  }
}
