package app.courtesy.web.security;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.security.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Where callers are looked up: the {@code app_user} tables, passwords as PBKDF2 hashes (the hash
 * carries its own algorithm and iterations). Inactive accounts cannot sign in.
 */
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = DatabaseSchema.DATA_SOURCE,
    callerQuery = "select password_hash from app_user where username = ? and active = true",
    groupsQuery =
        "select r.role_name from app_user_role r join app_user u on u.id = r.user_id"
            + " where u.username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
@ApplicationScoped
public class SecurityConfiguration {}
