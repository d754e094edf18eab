-- A dispatcher claims the queued messages due first, in the order of their send time and then of
-- their id. A dunning run queues thousands of messages for the same moment (the opening of their
-- recipients' send window): with the send time alone in the index, each claim of fifty read and
-- sorted every message of that moment; with the id after it, a claim reads the fifty it takes.
drop index outbox_message_due_ix;
create index outbox_message_due_ix on outbox_message (status, scheduled_at, id);
