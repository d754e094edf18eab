/**
 * The database behind the persistence unit: one data source definition that reads its URL from
 * configuration and serves H2 and PostgreSQL alike, and the Flyway migrations that own the schema.
 * {@link app.courtesy.database.DatabaseSchema#migrate()} runs when the application starts.
 */
package app.courtesy.database;
