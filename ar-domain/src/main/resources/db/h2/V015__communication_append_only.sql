-- The communication log is evidence: an entry, once written, stays as it was. The database refuses
-- every update and delete of the table (see db/postgresql/V015); H2 runs triggers written in Java.
create trigger communication_append_only before update, delete on communication
  for each statement call 'app.courtesy.database.AppendOnlyTrigger';
