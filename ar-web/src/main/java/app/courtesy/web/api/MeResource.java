package app.courtesy.web.api;

import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the API sees: lets an integration check its credentials and roles. */
@Tag(name = "Me", description = "Who the API sees.")
@Path("me")
@RequestScoped
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  public record Caller(String username, List<String> roles) {}

  @Context private SecurityContext security;

  @GET
  @Operation(
      summary = "Read who is calling",
      description = "The caller's username and roles: lets an integration check its credentials.")
  public Caller me() {
    return new Caller(
        security.getUserPrincipal().getName(),
        Arrays.stream(Role.values()).map(Role::id).filter(security::isUserInRole).toList());
  }
}
