package app.courtesy.web;

import app.courtesy.security.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who did something, by name, for the pages that say who proposed, decided or waived. */
@Named
@ApplicationScoped
public class People {

  @Inject private UserAccountRepository accounts;

  /** The display name of the account, or its username once the account is gone. */
  public String name(String username) {
    return username == null ? null : accounts.displayName(username);
  }
}
