/**
 * Bean Validation constraints of the domain's own value types (currency codes, time zones), so that
 * every input path — REST, CSV import, pages — reports them the same way.
 */
package app.courtesy.shared.validation;
