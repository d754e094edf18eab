/**
 * Payment arrangements: instalment plans, extensions and early-payment discounts a collector
 * proposes and an approver other than the proposer decides, within their limit; once active they
 * replace the covered invoices' reminder schedule until they complete, default, end or lapse.
 */
package app.courtesy.arrangement;
