-- The communication log is evidence: an entry, once written, stays as it was. The database refuses
-- every update, delete and truncate of the table, whoever asks; only the table's owner can switch
-- the guard off (alter table … disable trigger), which takes a deliberate statement of its own.
create function communication_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the communication log is append-only: its entries are never changed or removed'
    using errcode = 'insufficient_privilege',
          detail = tg_op || ' on communication refused.',
          hint = 'Record a correction as a new entry.';
end
$$;

create trigger communication_append_only before update or delete or truncate on communication
  for each statement execute function communication_append_only();
