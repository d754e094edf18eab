package app.courtesy.customer;

/**
 * The ERP changed a contact's email address or mobile number, in the transaction that changes it:
 * what was sent to the old address should stop working.
 */
public record ContactAddressChanged(long contactId) {}
