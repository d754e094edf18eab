-- Besides reminders, the outbox carries a thank-you once a customer's overdue balance in a
-- currency is paid in full after a reminder.
alter table outbox_message add column kind varchar(10) default 'REMINDER' not null;
alter table outbox_message add constraint outbox_message_kind_ck check (kind in ('REMINDER', 'THANK_YOU'));
