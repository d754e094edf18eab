-- A message lists its invoices itself, so a run writes one row per message rather than one per
-- invoice; outbox_item keeps only the invoices a run held back, each with its reason.
alter table outbox_message add column invoice_ids bigint array;
update outbox_message m
   set invoice_ids = (select array_agg(t.invoice_id order by t.invoice_id)
                        from outbox_item t
                       where t.customer_id = m.customer_id and t.currency = m.currency
                         and t.business_date = m.business_date and t.reason is null)
 where m.kind = 'REMINDER';
delete from outbox_item where reason is null;
alter table outbox_item alter column reason set not null;
