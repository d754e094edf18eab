/**
 * Who may sign in and what they may do. A {@link app.courtesy.security.UserAccount} holds one or
 * more {@link app.courtesy.security.Role}s and a PBKDF2 password hash; the web module's identity
 * store reads the same tables. Usernames are unique; accounts are created through {@link
 * app.courtesy.security.UserAccountService}, which validates and hashes.
 */
package app.courtesy.security;
