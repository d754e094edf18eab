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

/** Who the API sees: lets an integration check its credentials and roles. */
@Path("me")
@RequestScoped
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  public record Caller(String username, List<String> roles) {}

  @Context private SecurityContext security;

  @GET
  public Caller me() {
    return new Caller(
        security.getUserPrincipal().getName(),
        Arrays.stream(Role.values()).map(Role::id).filter(security::isUserInRole).toList());
  }
}
