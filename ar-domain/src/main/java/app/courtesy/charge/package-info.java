/**
 * Late-payment charges: reminder fees, statutory interest (EU Late Payment Directive 2011/7/EU, UK
 * Late Payment of Commercial Debts (Interest) Act 1998) or a contractual rate, and the fixed
 * compensation for recovery costs, charged on charge documents of their own beside the invoices
 * (never changing an invoice), and the reference rates an administrator keeps for them.
 */
package app.courtesy.charge;
