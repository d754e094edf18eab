-- Keeps invoice.allocated equal to the sum of the invoice's payment and credit allocations (see
-- V005). Statement-level triggers with transition tables: a batch of allocations costs one
-- update per statement, not one per row.
create function invoice_allocated_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    update invoice i
       set allocated = i.allocated - o.total
      from (select invoice_id, sum(amount) as total from old_rows group by invoice_id) o
     where i.id = o.invoice_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update invoice i
       set allocated = i.allocated + n.total
      from (select invoice_id, sum(amount) as total from new_rows group by invoice_id) n
     where i.id = n.invoice_id;
  end if;
  return null;
end
$$;

create trigger payment_allocation_inserted after insert on payment_allocation
  referencing new table as new_rows for each statement execute function invoice_allocated_apply();
create trigger payment_allocation_updated after update on payment_allocation
  referencing old table as old_rows new table as new_rows
  for each statement execute function invoice_allocated_apply();
create trigger payment_allocation_deleted after delete on payment_allocation
  referencing old table as old_rows for each statement execute function invoice_allocated_apply();

create trigger credit_allocation_inserted after insert on credit_allocation
  referencing new table as new_rows for each statement execute function invoice_allocated_apply();
create trigger credit_allocation_updated after update on credit_allocation
  referencing old table as old_rows new table as new_rows
  for each statement execute function invoice_allocated_apply();
create trigger credit_allocation_deleted after delete on credit_allocation
  referencing old table as old_rows for each statement execute function invoice_allocated_apply();

-- The open invoices in due-date order: the invoice list's default view and the reminder run.
create index invoice_open_due_ix on invoice (due_date, id) where state = 'ISSUED' and amount > allocated;
