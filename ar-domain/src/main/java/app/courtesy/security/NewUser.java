package app.courtesy.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What it takes to create an account. The constraints are the only statement of what a valid user
 * is; the REST API and the pages report their violations by field.
 *
 * @param username sign-in name: lower-case letters, digits, dot, dash or underscore
 * @param displayName how the person is named on pages and in the communication log
 * @param password as the {@link PasswordPolicy} says; stored only as a hash
 * @param roles at least one role
 */
@AcceptablePassword(groups = AcceptablePassword.Chosen.class)
public record NewUser(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9._-]{1,63}",
            message = "must be 2 to 64 lower-case letters, digits, dots, dashes or underscores")
        String username,
    @NotBlank @Size(max = 120) String displayName,
    @NotNull String password,
    @NotEmpty(message = "must name at least one role") Set<@NotNull Role> roles) {}
