package app.courtesy.web.api;

import app.courtesy.security.AcceptablePassword;
import app.courtesy.security.NewUser;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.security.UserAccountService;
import app.courtesy.shared.NotFoundException;
import app.courtesy.web.api.ApiErrors.InvalidInput;
import app.courtesy.web.api.Problem.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts, for administrators: list, read, create. */
@Tag(name = "Users", description = "Accounts, for administrators.")
@Path("users")
@RequestScoped
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

  /** A new account as posted: roles by their lower-case names. */
  public record UserRequest(
      String username, String displayName, String password, List<String> roles) {}

  /** An account as returned; never the password hash. */
  public record UserView(
      String username,
      String displayName,
      List<String> roles,
      boolean active,
      OffsetDateTime createdAt,
      String createdBy) {

    static UserView of(UserAccount account) {
      return new UserView(
          account.getUsername(),
          account.getDisplayName(),
          account.getRoles().stream().map(Role::id).sorted().toList(),
          account.isActive(),
          account.getCreatedAt(),
          account.getCreatedBy());
    }
  }

  @Inject private UserAccountRepository accounts;
  @Inject private UserAccountService accountService;
  @Inject private Validator validator;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  @Operation(
      summary = "List accounts",
      description = "Every account with its roles; never a password.")
  public List<UserView> list() {
    return accounts.findAll().stream().map(UserView::of).toList();
  }

  @GET
  @Path("{username}")
  @Operation(summary = "Read an account", description = "One account by username.")
  public UserView get(@PathParam("username") String username) {
    return accounts
        .findByUsername(username)
        .map(UserView::of)
        .orElseThrow(() -> new NotFoundException("User", username));
  }

  @POST
  @Operation(
      summary = "Create an account",
      description =
          "With roles by their lower-case names; a 400 names each invalid field (`roles[1]`, `password`).")
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` names it.",
      content = @Content(schema = @Schema(implementation = UserResource.UserView.class)))
  @RequestBody(required = true)
  public Response create(UserRequest request) {
    if (request == null) {
      throw new WebApplicationException(
          ApiErrors.response(Problem.of(400, "Bad Request", "The request body is empty.")));
    }
    List<FieldError> unknownRoles = new ArrayList<>();
    NewUser user =
        new NewUser(
            request.username(),
            request.displayName(),
            request.password(),
            roles(request, unknownRoles));
    if (!unknownRoles.isEmpty()) {
      List<FieldError> errors = new ArrayList<>(unknownRoles);
      validator.validate(user, Default.class, AcceptablePassword.Chosen.class).stream()
          .map(v -> new FieldError(InvalidInput.fieldPath(v), v.getMessage()))
          .forEach(errors::add);
      throw new WebApplicationException(ApiErrors.invalidFields(errors));
    }
    UserAccount account = accountService.createUser(user, security.getUserPrincipal().getName());
    return Response.created(uri.getAbsolutePathBuilder().path(account.getUsername()).build())
        .entity(UserView.of(account))
        .build();
  }

  /** The known roles of the request; one error per unknown name goes to {@code unknown}. */
  private static Set<Role> roles(UserRequest request, List<FieldError> unknown) {
    if (request.roles() == null) {
      return Set.of();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (int i = 0; i < request.roles().size(); i++) {
      String name = request.roles().get(i);
      int index = i;
      Role.findById(name)
          .ifPresentOrElse(
              roles::add,
              () ->
                  unknown.add(
                      new FieldError(
                          "roles[" + index + "]",
                          "must be one of collector, approver, admin, integration")));
    }
    return roles;
  }
}
