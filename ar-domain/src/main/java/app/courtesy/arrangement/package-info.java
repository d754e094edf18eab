/**
 * Payment arrangements: instalment plans, extensions and early-payment discounts a collector
 * proposes and an approver other than the proposer decides, within their limit; once active they
 * replace the covered invoices' reminder schedule until they complete, default, end or lapse.
 * Administrators set how far an arrangement may go ({@link
 * app.courtesy.arrangement.ArrangementSettings}) and what each approver may approve per currency
 * ({@link app.courtesy.arrangement.ApprovalLimits}); both keep who changed them and when.
 */
package app.courtesy.arrangement;
