package app.courtesy.web.admin;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;

/** Backs {@code admin/index.xhtml}: the accounts and the state of the installation. */
@Named
@RequestScoped
public class AdminHomeBacking {

  @Inject private UserAccountRepository accounts;
  @Inject private DatabaseSchema schema;

  private List<UserAccount> users;

  @PostConstruct
  void load() {
    users = accounts.findAll();
  }

  public List<UserAccount> getUsers() {
    return users;
  }

  public String roles(UserAccount user) {
    return user.getRoles().stream().map(Role::id).sorted().collect(Collectors.joining(", "));
  }

  public DatabaseSchema.SchemaStatus getSchema() {
    return schema.status();
  }
}
