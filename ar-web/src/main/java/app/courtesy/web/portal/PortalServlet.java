package app.courtesy.web.portal;

import app.courtesy.charge.ChargePolicies;
import app.courtesy.charge.ChargeView;
import app.courtesy.charge.Charges;
import app.courtesy.collection.DisputeReason;
import app.courtesy.customer.Channel;
import app.courtesy.customer.ContactService;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.reminder.SenderDetails;
import app.courtesy.selfservice.PortalLink;
import app.courtesy.selfservice.PortalLinks;
import app.courtesy.selfservice.SelfService;
import app.courtesy.selfservice.SelfServiceRefusedException;
import app.courtesy.selfservice.Upload;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.TextPages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's own page, reached by the link in a message: {@code /pay/<token>}. No account, no
 * session, no cookie: the token in the address is the key, and the page shares nothing with the
 * staff application. Reading changes nothing (mail scanners open links before people do); every
 * action is a POST carrying a value only this server can derive from the token, and answers with a
 * redirect to the page, which then says what happened.
 *
 * <ul>
 *   <li>{@code GET /pay/<token>}: the page, in the customer's language or {@code ?lang=en|de|fr};
 *   <li>{@code GET /pay/<token>/statement.pdf}, {@code /pay/<token>/invoice/<number>.pdf};
 *   <li>{@code POST /pay/<token>/paid|promise|time|dispute|contact}: what the customer tells us;
 *   <li>{@code POST /pay/<token>/unsubscribe/email|sms}: the opt-out, one click (RFC 8058);
 *   <li>{@code POST /pay/<token>/fresh-link}: from the page of a link that no longer opens.
 * </ul>
 *
 * <p>Unknown, forged, expired and revoked links all get the same page. Each client address may look
 * up only so many pages a minute ({@link PortalThrottle}).
 */
@WebServlet(urlPatterns = "/pay/*")
@MultipartConfig(
    fileSizeThreshold = 1024 * 1024,
    maxFileSize = Upload.MAX_BYTES,
    maxRequestSize = Upload.MAX_BYTES + 64 * 1024)
public class PortalServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern PATH =
      Pattern.compile(
          "/([A-Za-z0-9_-]{1,64})(?:/(statement\\.pdf|invoice/([^/]{1,40})\\.pdf|"
              + "paid|promise|time|dispute|contact|unsubscribe/(email|sms)|fresh-link))?/?");
  static final Set<String> ACTIONS = Set.of("paid", "promise", "time", "dispute", "contact");
  private static final String VIEW = "/WEB-INF/portal/page.jsp";
  private static final String CLOSED_VIEW = "/WEB-INF/portal/closed.jsp";

  @Inject private PortalLinks links;
  @Inject private SelfService selfService;
  @Inject private PortalThrottle throttle;
  @Inject private PortalSettings settings;
  @Inject private SenderDetails sender;
  @Inject private Dispatcher dispatcher;
  @Inject private Charges charges;
  @Inject private ChargePolicies chargePolicies;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<Matcher> path = path(request, response);
    if (path.isEmpty()) {
      return;
    }
    Matcher matcher = path.get();
    String token = matcher.group(1);
    String what = matcher.group(2);
    Optional<PortalLink> link = links.open(token);
    if (link.isEmpty()) {
      closed(request, response, token, false);
      return;
    }
    if (what == null) {
      page(request, response, token, link.get(), null, null);
      return;
    }
    if (!what.endsWith(".pdf")) {
      // A form's address opened by hand, or by a scanner: the page, where the form is.
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", request.getContextPath() + "/pay/" + token);
      return;
    }
    PortalText text = text(request, link.get());
    SelfService.Page page = selfService.page(link.get());
    PortalDocuments documents = new PortalDocuments(text, settings, sender.of(page.customer()));
    List<String> lines;
    String name;
    if (what.equals("statement.pdf")) {
      lines = documents.statement(page, charges(text, page).statementLines());
      name = "statement-" + page.customer().getNumber();
    } else {
      String number = matcher.group(3);
      Optional<SelfService.OpenInvoice> invoice =
          page.invoices().stream().filter(i -> i.number().equals(number)).findFirst();
      if (invoice.isEmpty()) {
        closed(request, response, token, false);
        return;
      }
      lines = documents.invoice(page, invoice.get());
      name = "invoice-" + number;
    }
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"");
    TextPages.write(lines, response.getOutputStream());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<Matcher> path = path(request, response);
    if (path.isEmpty()) {
      return;
    }
    Matcher matcher = path.get();
    String token = matcher.group(1);
    String action = matcher.group(2);
    if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (action != null && action.startsWith("unsubscribe/")) {
      unsubscribe(request, response, token, matcher.group(4));
      return;
    }
    if (!readable(request)) {
      Optional<PortalLink> link = links.open(token);
      if (link.isEmpty() || !ACTIONS.contains(action)) {
        closed(request, response, token, false);
        return;
      }
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      page(
          request,
          response,
          token,
          link.get(),
          action,
          text(request, link.get()).get("refused.fileTooLarge"));
      return;
    }
    if (!links.formTokenMatches(token, parameter(request, "form"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if ("fresh-link".equals(action)) {
      // Queued (and committed) first, then sent at once, like a collector's own email.
      selfService.sendFreshLink(token).ifPresent(dispatcher::sendNow);
      closed(request, response, token, true);
      return;
    }
    Optional<PortalLink> link = links.open(token);
    if (link.isEmpty() || action == null || !ACTIONS.contains(action)) {
      closed(request, response, token, false);
      return;
    }
    String done;
    try {
      done = act(request, link.get(), action);
    } catch (BusinessException refused) {
      response.setStatus(422);
      page(
          request, response, token, link.get(), action, text(request, link.get()).refusal(refused));
      return;
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        request.getContextPath()
            + "/pay/"
            + token
            + "?lang="
            + language(request, link.get()).getLanguage()
            + "&done="
            + done
            + "#done");
  }

  /** Carries out the action; tells which confirmation the page shows. */
  private String act(HttpServletRequest request, PortalLink link, String action)
      throws IOException, ServletException {
    List<String> invoices = values(request, "invoice");
    switch (action) {
      case "paid" ->
          selfService.reportPaid(
              link,
              invoices,
              date(request, "paidOn"),
              amount(request, "amount"),
              parameter(request, "reference"),
              upload(request));
      case "promise" -> {
        SelfService.PromiseOutcome outcome =
            selfService.promise(link, invoices, date(request, "date"), amount(request, "amount"));
        return outcome == SelfService.PromiseOutcome.PROMISED ? "promise" : "extension";
      }
      case "time" -> {
        String kind = parameter(request, "kind");
        Integer instalments = null;
        if ("plan".equals(kind)) {
          instalments = count(request, "instalments");
        }
        selfService.requestTime(
            link,
            invoices,
            "plan".equals(kind) ? null : date(request, "newDueDate"),
            instalments,
            "plan".equals(kind) ? date(request, "firstDate") : null,
            parameter(request, "note"));
      }
      case "dispute" ->
          selfService.dispute(
              link, invoices, reason(request), parameter(request, "note"), upload(request));
      case "contact" ->
          selfService.updateContact(
              link,
              new ContactService.Correction(
                  parameter(request, "email"),
                  parameter(request, "phone"),
                  parameter(request, "mobile"),
                  preferred(request),
                  request.getParameter("emailOptOut") != null,
                  request.getParameter("smsOptOut") != null));
      default -> throw new IllegalArgumentException(action);
    }
    return action;
  }

  /** RFC 8058: the mail program posts {@code List-Unsubscribe=One-Click}; the page posts a form. */
  private void unsubscribe(
      HttpServletRequest request, HttpServletResponse response, String token, String channel)
      throws IOException, ServletException {
    Optional<PortalLink> link = links.open(token);
    boolean oneClick = "One-Click".equals(request.getParameter("List-Unsubscribe"));
    if (link.isEmpty()
        || (!oneClick && !links.formTokenMatches(token, parameter(request, "form")))) {
      closed(request, response, token, false);
      return;
    }
    selfService.optOut(link.get(), channel.equals("sms") ? Channel.SMS : Channel.EMAIL);
    if (oneClick) {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Unsubscribed.");
      return;
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        request.getContextPath()
            + "/pay/"
            + token
            + "?lang="
            + language(request, link.get()).getLanguage()
            + "&done=unsubscribe-"
            + channel
            + "#done");
  }

  private void page(
      HttpServletRequest request,
      HttpServletResponse response,
      String token,
      PortalLink link,
      String failedForm,
      String error)
      throws ServletException, IOException {
    PortalText text = text(request, link);
    SelfService.Page page = selfService.page(link);
    String done = request.getParameter("done");
    request.setAttribute(
        "view",
        new PortalView(
            page,
            text,
            settings,
            sender.of(page.customer()),
            request.getContextPath() + "/pay/" + token,
            links.formToken(token),
            done == null ? null : text.done(done),
            failedForm,
            error,
            request));
    request.setAttribute("t", text);
    request.setAttribute("charges", charges(text, page));
    request.getRequestDispatcher(VIEW).forward(request, response);
  }

  /** The customer's open late-payment charges, worded for the page and the statement. */
  private PortalCharges charges(PortalText text, SelfService.Page page) {
    List<ChargeView> open = charges.openOf(page.customer().getId());
    return new PortalCharges(
        text,
        open,
        Charges.openIn(open),
        open.isEmpty() ? null : chargePolicies.basisOf(page.customer()));
  }

  private void closed(
      HttpServletRequest request, HttpServletResponse response, String token, boolean sent)
      throws ServletException, IOException {
    Locale language = PortalText.language(request.getParameter("lang"), request.getLocale());
    response.setStatus(sent ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
    request.setAttribute("t", PortalText.of(language));
    request.setAttribute("lang", language.getLanguage());
    request.setAttribute("action", request.getContextPath() + "/pay/" + token + "/fresh-link");
    request.setAttribute("form", links.formToken(token));
    request.setAttribute("sent", sent);
    request.getRequestDispatcher(CLOSED_VIEW).forward(request, response);
  }

  /** The request's path, once the address may look up pages; otherwise answered already. */
  private Optional<Matcher> path(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    PortalHeaders.apply(response);
    if (!throttle.allow(request.getRemoteAddr())) {
      response.setStatus(429);
      response.setHeader("Retry-After", "60");
      request.setAttribute(
          "t",
          PortalText.of(PortalText.language(request.getParameter("lang"), request.getLocale())));
      request.getRequestDispatcher("/WEB-INF/portal/busy.jsp").forward(request, response);
      return Optional.empty();
    }
    String info = request.getPathInfo();
    Matcher matcher = PATH.matcher(info == null ? "" : info);
    if (!matcher.matches()) {
      closed(request, response, "-", false);
      return Optional.empty();
    }
    return Optional.of(matcher);
  }

  private PortalText text(HttpServletRequest request, PortalLink link) {
    return PortalText.of(language(request, link), selfService.customer(link).getLocale());
  }

  private Locale language(HttpServletRequest request, PortalLink link) {
    return PortalText.language(
        request.getParameter("lang"), selfService.customer(link).getLocale());
  }

  private static String parameter(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> values(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null ? List.of() : Arrays.stream(values).map(String::strip).toList();
  }

  private static LocalDate date(HttpServletRequest request, String name) {
    String value = parameter(request, name);
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      throw new SelfServiceRefusedException(name, "Please choose a date.");
    }
  }

  private static BigDecimal amount(HttpServletRequest request, String name) {
    String value = parameter(request, name);
    try {
      return value == null ? null : new BigDecimal(value.replace(" ", ""));
    } catch (NumberFormatException notANumber) {
      throw new SelfServiceRefusedException(
          "amount", "The amount is a positive amount such as 120.50.");
    }
  }

  private static Integer count(HttpServletRequest request, String name) {
    String value = parameter(request, name);
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException notANumber) {
      throw new SelfServiceRefusedException(
          "instalments", "A plan has between 2 and 24 monthly instalments.");
    }
  }

  private static DisputeReason reason(HttpServletRequest request) {
    String value = parameter(request, "reason");
    try {
      return value == null ? null : DisputeReason.valueOf(value);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static Channel preferred(HttpServletRequest request) {
    String value = parameter(request, "preferred");
    return PortalView.CHANNELS.stream()
        .filter(c -> c.name().equals(value))
        .findFirst()
        .orElse(Channel.EMAIL);
  }

  /**
   * Whether the body could be read: a form with a file larger than the container takes is not, and
   * none of its fields can be trusted.
   */
  private static boolean readable(HttpServletRequest request) throws IOException, ServletException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return true;
    }
    try {
      request.getParts();
      return true;
    } catch (IllegalStateException | ServletException tooLarge) {
      return false;
    }
  }

  /** The file sent with the form, if any. */
  private static Upload upload(HttpServletRequest request) throws IOException, ServletException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    Part part = request.getPart("file");
    if (part == null || part.getSize() == 0) {
      return null;
    }
    try (InputStream in = part.getInputStream()) {
      return new Upload(part.getSubmittedFileName(), in.readAllBytes());
    }
  }
}
