package app.courtesy.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API, version 1. Every resource declares its roles with {@code @RolesAllowed}, enforced
 * by Jersey's roles feature on top of the web.xml rule that {@code /api/*} needs a signed-in
 * caller. Its OpenAPI document is served at {@code /openapi}: what the resources' annotations say,
 * completed by {@link OpenApiDocument}.
 */
@ApplicationPath(OpenApiDocument.SERVER)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Courtesy API",
            version = "1.0",
            description =
                "The accounts-receivable collections workbench, for the ERP that feeds it and"
                    + " the portals and diallers around it: customers, contacts, invoices,"
                    + " payments and credit notes in; balances, cases, arrangements, reminders"
                    + " and the communication log out.\n\n"
                    + "Every call signs in with HTTP Basic; what an account may do follows its"
                    + " roles. JSON throughout: money is a decimal string with its ISO currency"
                    + " (`{\"amount\": \"12.50\", \"currency\": \"EUR\"}`), other decimals are"
                    + " strings too, dates are ISO (`2026-11-23`), times ISO with an offset."
                    + " Errors are `application/problem+json` naming each invalid field"
                    + " (`contacts[1].email`, `[3].amount` in a batch) or parameter. A POST may"
                    + " carry an `Idempotency-Key`; a change to something versioned sends the"
                    + " version read in `If-Match` and gets 412 when someone changed it since.",
            contact = @Contact(name = "Courtesy")))
public class ApiApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
  }
}
