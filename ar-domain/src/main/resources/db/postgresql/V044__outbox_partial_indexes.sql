-- The dunning run queues a hundred thousand reminders at once at a million invoices, none of them
-- sent yet and none about an arrangement: their send time and arrangement are empty, and nothing
-- looks a message up by an empty one (the reminders' effects read a day's sent messages, an
-- arrangement's letters are found by their arrangement). Indexing only the messages that have one
-- spares each queued message two index entries. (H2 keeps the plain indexes.)
drop index outbox_message_sent_ix;
create index outbox_message_sent_ix on outbox_message (sent_at) where sent_at is not null;
drop index outbox_message_arrangement_ix;
create index outbox_message_arrangement_ix on outbox_message (arrangement_id)
    where arrangement_id is not null;
