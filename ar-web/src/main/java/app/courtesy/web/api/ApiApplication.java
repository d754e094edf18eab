package app.courtesy.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The REST API, version 1. Every resource declares its roles with {@code @RolesAllowed}, enforced
 * by Jersey's roles feature on top of the web.xml rule that {@code /api/*} needs a signed-in
 * caller.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
  }
}
