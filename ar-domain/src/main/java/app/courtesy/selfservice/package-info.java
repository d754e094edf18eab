/**
 * The customer's side: the link in every message that opens the customer's own page, and what they
 * do there. A link is the key (no account): {@link app.courtesy.selfservice.PortalLinks} issues one
 * per message, random and kept only as a digest, expiring and revocable; {@link
 * app.courtesy.selfservice.SelfService} reads the page and carries out what the customer asks,
 * under the same rules as staff (a promise is a promise, a plan is a proposal for an approver, a
 * dispute stops chasing), each landing on the communication log as an inbound self-service entry.
 */
package app.courtesy.selfservice;
