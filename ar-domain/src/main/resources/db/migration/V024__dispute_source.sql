-- Who opened a dispute, and invoice.disputed as what the open disputes say.
--
-- A collector opens a dispute on the case; the ERP opens one by sending an invoice as disputed
-- (REST upsert or CSV import) and ends it by sending it as not disputed, which never ends a
-- collector's dispute. What the feed last said is kept in invoice.feed_disputed (written only by the
-- invoice upsert), so the same word sent again every night changes nothing; invoice.disputed is
-- derived from the open disputes and written only by app.courtesy.collection.Disputes.
alter table dispute add column source varchar(12) default 'COLLECTOR' not null;
alter table dispute alter column source drop default;
alter table dispute add constraint dispute_source_ck check (source in ('COLLECTOR', 'ERP'));
-- The ERP's "no longer disputed" clears the dispute it opened: neither upheld nor rejected here.
alter table dispute drop constraint dispute_resolution_ck;
alter table dispute add constraint dispute_resolution_ck
    check (resolution in ('UPHELD', 'REJECTED', 'CLEARED'));

alter table invoice add column feed_disputed boolean;

-- Flags with no open dispute behind them were set by the feed: the ERP said so, and each gets the
-- dispute the ERP would open today, so the case and the log show it like any other.
update invoice set feed_disputed = true
 where disputed
   and not exists (select 1 from dispute d where d.invoice_id = invoice.id and d.resolution is null);
update invoice set feed_disputed = false where not disputed;
insert into dispute (id, invoice_id, customer_id, reason, note, opened_by, opened_at, source, version)
select nextval('dispute_seq'), i.id, i.customer_id, 'OTHER', 'From the ERP', 'ERP', current_timestamp,
       'ERP', 0
  from invoice i
 where i.feed_disputed;

-- Open disputes whose flag a later re-send of the invoice cleared: not chased again from now on.
update invoice set disputed = true
 where not disputed
   and exists (select 1 from dispute d where d.invoice_id = invoice.id and d.resolution is null);
