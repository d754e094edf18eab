package app.courtesy.web.api;

import app.courtesy.invoice.Aging;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The book as of a date: aging buckets and days sales outstanding, per currency. */
@Tag(name = "Reports", description = "The book as of a date.")
@Path("reports")
@RequestScoped
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

  /** DSO per currency code, with the method used. */
  public record Dso(LocalDate asOf, String method, Map<String, BigDecimal> days) {}

  @Inject private ReceivablesQueries receivables;
  @Inject private Clock clock;

  @GET
  @Path("aging")
  @Operation(
      summary = "Read the aging report",
      description = "Aging buckets per currency as of `asOf` (default today).")
  public Aging aging(@QueryParam("asOf") LocalDate asOf) {
    return receivables.aging(day(asOf), null);
  }

  @GET
  @Path("dso")
  @Operation(
      summary = "Read days sales outstanding",
      description = "DSO per currency as of `asOf` (default today), by the countback method.")
  public Dso dso(@QueryParam("asOf") LocalDate asOf) {
    LocalDate day = day(asOf);
    return new Dso(
        day,
        "countback: days of invoiced sales, counted back from the date, that the open balance"
            + " represents",
        receivables.daysSalesOutstanding(day).entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().getCurrencyCode(),
                    Map.Entry::getValue,
                    (a, b) -> a,
                    java.util.TreeMap::new)));
  }

  private LocalDate day(LocalDate asOf) {
    return asOf == null ? LocalDate.now(clock) : asOf;
  }
}
