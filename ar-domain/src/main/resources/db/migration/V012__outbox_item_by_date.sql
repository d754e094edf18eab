-- A run writes its items sorted by customer and currency under one business date, so with the date
-- first in the key every new entry lands at the end of the index instead of at a random page.
drop index outbox_item_group_ix;
create index outbox_item_message_ix on outbox_item (business_date, customer_id, currency);
