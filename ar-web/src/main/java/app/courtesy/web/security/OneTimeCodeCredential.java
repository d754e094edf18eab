package app.courtesy.web.security;

import jakarta.security.enterprise.credential.Credential;

/** The second step of signing in: a one-time code (or a recovery code) after the password. */
public record OneTimeCodeCredential(String code) implements Credential {}
