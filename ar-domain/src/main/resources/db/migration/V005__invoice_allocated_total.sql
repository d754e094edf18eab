-- What has been applied to an invoice, kept on the invoice row by the database itself.
--
-- The allocations stay the one source of truth. invoice.allocated is their sum per invoice,
-- maintained only by triggers on payment_allocation and credit_allocation (V006, per database) in
-- the same statement that changes an allocation, so it cannot disagree with them: no application
-- code writes it. It makes "what is open" a property of the invoice row, which the lists, the
-- aging and the reminder run can filter and index instead of summing every allocation of the book
-- on each read. The check also makes the database refuse to apply more than an invoice's amount.
alter table invoice add column allocated numeric(19,4) default 0 not null;

update invoice
   set allocated = coalesce((select sum(pa.amount) from payment_allocation pa where pa.invoice_id = invoice.id), 0)
                 + coalesce((select sum(ca.amount) from credit_allocation ca where ca.invoice_id = invoice.id), 0);

alter table invoice add constraint invoice_allocated_ck check (allocated >= 0 and allocated <= amount);

drop view invoice_open_item;
create view invoice_open_item as
select i.id                     as invoice_id,
       i.customer_id            as customer_id,
       i.currency               as currency,
       i.due_date               as due_date,
       i.amount - i.allocated   as open_amount
  from invoice i
 where i.state = 'ISSUED'
   and i.amount > i.allocated;
