-- When the customer writes back: every reply read from the mailbox (or posted by the SMS gateway)
-- is kept once, matched to its customer, and waits for a person's answer.

-- One row per message received; its Message-ID (or the gateway's id) is the key, so a message read
-- twice, or by two nodes at once, is kept once.
create sequence inbound_reply_seq start with 50 increment by 50;
create table inbound_reply (
    id            bigint        not null primary key,
    message_key   varchar(400)  not null,
    channel       varchar(12)   not null,
    received_at   timestamp with time zone not null,
    sender        varchar(320)  not null,
    sender_name   varchar(200),
    subject       varchar(400),
    body          varchar(1000000),
    answers_id    bigint references outbox_message (id),
    thread        varchar(4000),
    customer_id   bigint references customer (id),
    contact_id    bigint references contact (id),
    matched_by    varchar(12),
    automatic     boolean       not null,
    back_on       date,
    state         varchar(12)   not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    decision_note varchar(500),
    original      bytea,
    version       bigint        not null,
    constraint inbound_reply_key_uk unique (message_key),
    constraint inbound_reply_channel_ck check (channel in ('EMAIL', 'SMS')),
    constraint inbound_reply_state_ck
        check (state in ('UNMATCHED', 'TO_ANSWER', 'HANDLED', 'ANSWERED', 'AUTOMATIC', 'DISCARDED')),
    constraint inbound_reply_matched_ck
        check (matched_by in ('THREAD', 'ADDRESS', 'SENDER', 'PHONE', 'COLLECTOR'))
);
create index inbound_reply_customer_ix on inbound_reply (customer_id, state);
create index inbound_reply_state_ix on inbound_reply (state, received_at);

-- What the reply's words suggest, for a collector to accept or dismiss; never acted on alone.
create sequence reply_suggestion_seq start with 50 increment by 50;
create table reply_suggestion (
    id          bigint        not null primary key,
    reply_id    bigint        not null references inbound_reply (id),
    kind        varchar(16)   not null,
    on_date     date,
    reference   varchar(100),
    evidence    varchar(400)  not null,
    state       varchar(10)   not null,
    decided_by  varchar(64),
    constraint reply_suggestion_kind_ck
        check (kind in ('ALREADY_PAID', 'WILL_PAY', 'DISPUTE', 'HARDSHIP', 'INVOICE_COPY')),
    constraint reply_suggestion_state_ck check (state in ('OPEN', 'ACCEPTED', 'DISMISSED'))
);
create index reply_suggestion_reply_ix on reply_suggestion (reply_id);

-- A collector's email can answer a reply: it goes out threaded under it.
alter table outbox_message add column answers_reply_id bigint references inbound_reply (id);

-- The files attached to a reply join those the customer sent from their page. An attachment of a
-- reply not yet matched belongs to no customer until a collector assigns the reply; any type is
-- kept (it is only ever served as a download).
alter table customer_upload alter column customer_id drop not null;
alter table customer_upload add column reply_id bigint references inbound_reply (id);
alter table customer_upload drop constraint customer_upload_type_ck;
alter table customer_upload alter column media_type set data type varchar(100);
alter table customer_upload add constraint customer_upload_owner_ck
    check (customer_id is not null or reply_id is not null);
create index customer_upload_reply_ix on customer_upload (reply_id);

-- The log says what came in: a person's words, or a mail program answering by itself.
alter table communication drop constraint communication_outcome_ck;
alter table communication add constraint communication_outcome_ck
    check (outcome in ('SENT', 'FAILED', 'SUPPRESSED', 'TASK', 'UNCONFIRMED', 'RECORDED',
                       'BOUNCED', 'RECEIVED', 'AUTOMATIC'));

-- A reply not yet answered raises the case and, by the policy setting, pauses the reminders.
alter table collection_case add column reply_waiting_on date;
alter table reminder_settings add column pause_on_reply boolean default true not null;

-- How the last reads of the mailbox went, for the Reminder runs page: one row, every node writes.
create table mailbox_status (
    id             integer       not null primary key,
    last_read_at   timestamp with time zone,
    last_ok_at     timestamp with time zone,
    failing_since  timestamp with time zone,
    last_error     varchar(1000),
    imported       bigint        not null,
    constraint mailbox_status_one_ck check (id = 1)
);
insert into mailbox_status (id, imported) values (1, 0);
