package app.courtesy.web.api;

import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderTemplateService;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.TemplateRefusedException;
import app.courtesy.reminder.TemplateReview;
import app.courtesy.reminder.TemplateSource;
import app.courtesy.reminder.Tone;
import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.reminder.courtesy.Rule;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reminder templates, one per tone and language, as the template editor works with them: read
 * the one in use, preview a draft rendered with sample data (or the one in use, for a customer of
 * ours) with the courtesy check's findings, and activate a draft that passes. The version read goes
 * back in {@code If-Match}: a number, or {@code "shipped"} while the template shipped with Courtesy
 * is in use.
 */
@Path("templates")
@Tag(
    name = "Templates",
    description = "Reminder templates per tone and language: read, preview, activate.")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

  /** What {@code If-Match} carries while the shipped template is in use. */
  static final String SHIPPED = "shipped";

  /** A template in use. */
  @Schema(description = "The reminder template in use for a tone and language.")
  public record TemplateView(
      Tone tone,
      @Schema(example = "en") String language,
      @Schema(description = "Mustache-like, logic-less") String subject,
      String text,
      String html,
      @Schema(description = "Goes back in If-Match with an activation: a number, or \"shipped\"")
          String version,
      @Schema(description = "The template shipped with Courtesy is in use") boolean shipped,
      @Schema(nullable = true) String updatedBy,
      @Schema(nullable = true) OffsetDateTime updatedAt) {}

  /** A draft of a template, as the editor sends it. */
  @Schema(description = "A template's subject and bodies.")
  public record TemplateDraft(String subject, String text, String html) {

    TemplateSource source() {
      return new TemplateSource(subject, text, html);
    }
  }

  /** One thing the courtesy check asks to fix. */
  @Schema(description = "One thing the courtesy check asks to fix.")
  public record FindingView(
      @Schema(enumeration = {"TEXT", "HTML"}) String body,
      Rule rule,
      @Schema(description = "What to do, in a sentence") String advice,
      @Schema(description = "The words at fault; empty for something missing") List<String> words,
      String why,
      @Schema(nullable = true) String suggestion) {}

  /** A template rendered and checked. */
  @Schema(description = "A template rendered and checked; a template passes with no findings.")
  public record TemplatePreview(
      @Schema(description = "Why it cannot be read at all", nullable = true) String problem,
      @Schema(nullable = true) String subject,
      @Schema(nullable = true) String text,
      @Schema(nullable = true) String html,
      boolean passes,
      List<FindingView> findings) {

    static TemplatePreview of(TemplateReview review) {
      if (review.problem() != null) {
        return new TemplatePreview(review.problem(), null, null, null, false, List.of());
      }
      List<FindingView> findings = new ArrayList<>();
      add(findings, "TEXT", review.text());
      add(findings, "HTML", review.html());
      ReminderContent sample = review.sample();
      return new TemplatePreview(
          null, sample.subject(), sample.text(), sample.html(), review.passes(), findings);
    }

    static TemplatePreview of(ReminderContent content, CourtesyReport text) {
      List<FindingView> findings = new ArrayList<>();
      add(findings, "TEXT", text);
      return new TemplatePreview(
          null, content.subject(), content.text(), content.html(), text.passes(), findings);
    }

    private static void add(List<FindingView> findings, String body, CourtesyReport report) {
      for (CourtesyReport.Finding finding : report.findings()) {
        findings.add(
            new FindingView(
                body,
                finding.rule(),
                finding.advice(),
                finding.spans().stream().map(CourtesyReport.Span::text).distinct().toList(),
                finding.why(),
                finding.suggestion()));
      }
    }
  }

  @Inject private ReminderTemplateService templates;
  @Inject private CustomerRepository customers;
  @Inject private ContactService contacts;
  @Inject private CaseService cases;
  @Context private SecurityContext security;

  @GET
  @Path("{tone}/{language}")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Read a template",
      description =
          "The template in use for the tone and language (en, de, fr, es, it, nl): the one an"
              + " administrator activated, or the one shipped with Courtesy.")
  @APIResponse(
      responseCode = "200",
      description = "The template in use; its version is also the ETag.",
      content = @Content(schema = @Schema(implementation = TemplateView.class)))
  public Response read(
      @PathParam("tone") Tone tone,
      @PathParam("language") @Parameter(example = "en") String language) {
    Locale locale = language(language);
    ReminderTemplateService.Current current = templates.current(tone, locale);
    String version = current.isShipped() ? SHIPPED : String.valueOf(current.version());
    return Response.ok(
            new TemplateView(
                tone,
                locale.getLanguage(),
                current.source().subject(),
                current.source().text(),
                current.source().html(),
                version,
                current.isShipped(),
                current.updatedBy(),
                current.updatedAt()))
        .tag(version)
        .build();
  }

  /**
   * A draft (or, without a body, the template in use) rendered with sample data and checked, as the
   * editor previews it. With {@code customer}, the template in use is rendered for that customer
   * instead — their contact, their overdue invoices, their language — as a collector's draft on
   * their case would be.
   */
  @POST
  @Path("{tone}/{language}/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Preview a template",
      description =
          "Renders a draft (or the template in use) with sample data and lists what the courtesy"
              + " check asks to fix. With `customer`, renders the template in use for that"
              + " customer's open case instead; writes nothing.")
  public TemplatePreview preview(
      @PathParam("tone") Tone tone,
      @PathParam("language") String language,
      @QueryParam("customer")
          @Parameter(description = "A customer number: render for their open case")
          String customer,
      TemplateDraft draft) {
    Locale locale = language(language);
    if (customer != null && !customer.isBlank()) {
      Customer whom =
          customers
              .findByNumber(customer.strip())
              .orElseThrow(() -> new NotFoundException("Customer", customer));
      CollectionCase open =
          cases
              .findOpen(whom)
              .orElseThrow(() -> new NotFoundException("An open case of customer", customer));
      Contact to =
          contacts
              .reachableOn(whom, Channel.EMAIL)
              .orElseThrow(() -> new NotFoundException("A contact with email of", customer));
      ReminderContent content = cases.draft(open.getId(), tone, to.getId());
      return TemplatePreview.of(content, cases.check(whom, content.text()));
    }
    TemplateSource source =
        draft == null ? templates.current(tone, locale).source() : draft.source();
    return TemplatePreview.of(templates.review(tone, locale, source));
  }

  /**
   * Puts the draft in use for the tone and language, if it passes the courtesy check and nobody
   * activated another since the version in {@code If-Match}: 200 with the template in use; 422 with
   * the findings when it does not pass; 412 when someone activated another since.
   */
  @PUT
  @Path("{tone}/{language}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Activate a template",
      description =
          "Puts the draft in use for its tone and language if it passes the courtesy check and"
              + " nobody activated another since the version in If-Match (a number, or"
              + " \"shipped\").")
  @APIResponse(
      responseCode = "200",
      description = "The template now in use.",
      content = @Content(schema = @Schema(implementation = TemplateView.class)))
  public Response activate(
      @PathParam("tone") Tone tone,
      @PathParam("language") String language,
      @HeaderParam("If-Match") String ifMatch,
      TemplateDraft draft) {
    Locale locale = language(language);
    Long version =
        ifMatch != null && ifMatch.replace("\"", "").strip().equals(SHIPPED)
            ? null
            : IfMatch.version(ifMatch, "template", "GET /templates/{tone}/{language}");
    if (draft == null) {
      throw new BadRequestException("Send the template as JSON: subject, text and html.");
    }
    try {
      templates.activate(
          tone, locale, draft.source(), version, security.getUserPrincipal().getName());
    } catch (TemplateRefusedException refused) {
      throw new WebApplicationException(
          ApiErrors.response(
              new Problem(
                  422,
                  "Unprocessable Entity",
                  refused.getMessage(),
                  TemplatePreview.of(templates.review(tone, locale, draft.source()))
                      .findings()
                      .stream()
                      .map(
                          f ->
                              new Problem.FieldError(
                                  f.body().equals("TEXT") ? "text" : "html", f.advice()))
                      .toList())));
    }
    return read(tone, language);
  }

  private static Locale language(String language) {
    Locale locale = Locale.forLanguageTag(language == null ? "" : language.strip());
    if (!ReminderTemplates.LANGUAGES.contains(Locale.forLanguageTag(locale.getLanguage()))) {
      throw Parameters.unreadable(
          "language",
          true,
          "is one of " + ReminderTemplates.LANGUAGES.stream().map(Locale::getLanguage).toList(),
          String.valueOf(language));
    }
    return locale;
  }
}
