/**
 * Safe retries of POST requests: a client that sends an {@code Idempotency-Key} gets the first
 * response again for the same key and request, a conflict while the first is still running, and an
 * error when it reuses a key for a different request.
 */
package app.courtesy.idempotency;
