package app.courtesy.arrangement;

/**
 * An approver rejected a proposal, in the transaction that rejects it: for whoever must tell the
 * proposer (a customer who asked on their page hears it by email).
 *
 * @param note the approver's reason, as written for the proposer
 */
public record ArrangementRejected(Arrangement arrangement, String note) {}
