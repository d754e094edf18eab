-- What the reminders do, and template experiments.

-- A reminder records, when it is written for its recipient, the language it was written in and,
-- when its step runs an experiment, the experiment and the variant the customer is in. Reminders
-- written before this were in their customer's language (English unless it is one Courtesy
-- writes), and in no experiment.
alter table outbox_message add column language varchar(8);
alter table outbox_message add column experiment_id bigint;
alter table outbox_message add column variant varchar(1);
update outbox_message
   set language = (select case when lower(substring(c.locale, 1, 2)) in ('de', 'fr', 'es', 'it', 'nl')
                               then lower(substring(c.locale, 1, 2)) else 'en' end
                     from customer c where c.id = outbox_message.customer_id)
 where kind = 'REMINDER';
create index outbox_message_sent_ix on outbox_message (sent_at);

-- Two templates of one policy step side by side for the customers of one language, each customer
-- kept in the variant first drawn for them. Who started and who stopped it, and when, is its record.
create sequence template_experiment_seq start with 50 increment by 50;
create table template_experiment (
    id            bigint        not null primary key,
    policy_id     bigint        not null references reminder_policy (id),
    step_position integer       not null,
    tone          varchar(20)   not null,
    language      varchar(8)    not null,
    name          varchar(120)  not null,
    a_subject     varchar(400)  not null,
    a_text_body   varchar(20000) not null,
    a_html_body   varchar(40000) not null,
    b_subject     varchar(400)  not null,
    b_text_body   varchar(20000) not null,
    b_html_body   varchar(40000) not null,
    started_at    timestamp with time zone not null,
    started_by    varchar(64)   not null,
    stopped_at    timestamp with time zone,
    stopped_by    varchar(64),
    version       bigint        not null
);
create index template_experiment_step_ix on template_experiment (policy_id, step_position);

create table template_experiment_customer (
    experiment_id bigint     not null references template_experiment (id),
    customer_id   bigint     not null references customer (id),
    variant       varchar(1) not null,
    assigned_at   timestamp with time zone not null,
    constraint template_experiment_customer_pk primary key (experiment_id, customer_id),
    constraint template_experiment_customer_variant_ck check (variant in ('A', 'B'))
);

-- The send dates whose reminders were followed for 14 days and written below: inserting a date
-- claims it, so it is written once.
create table reminder_effect_day (
    sent_on    date not null primary key,
    written_at timestamp with time zone not null
);

-- Each invoice a sent reminder listed, once the 14 days after the send date are over: what was open
-- on it at the end of the day before (reminded), and how much of that the payments and credits
-- dated from the send date to 7 and to 14 days after it settled (see LedgerAsOf). What the drill-down
-- lists.
create table reminded_invoice (
    sent_on    date          not null,
    message_id bigint        not null,
    invoice_id bigint        not null,
    reminded   numeric(19,4) not null,
    paid_7     numeric(19,4) not null,
    paid_14    numeric(19,4) not null,
    constraint reminded_invoice_pk primary key (message_id, invoice_id)
);
create index reminded_invoice_sent_ix on reminded_invoice (sent_on);

-- The same per send date, currency, policy step, tone, channel, language and experiment variant:
-- what the dashboard reads.
create table reminder_effect (
    sent_on         date          not null,
    currency        varchar(3)    not null,
    policy_id       bigint        not null,
    step_position   integer       not null,
    tone            varchar(20)   not null,
    channel         varchar(10)   not null,
    language        varchar(8)    not null,
    experiment_id   bigint,
    variant         varchar(1),
    invoices        integer       not null,
    amount          numeric(19,4) not null,
    paid_7_invoices integer       not null,
    paid_7_amount   numeric(19,4) not null,
    paid_14_invoices integer      not null,
    paid_14_amount  numeric(19,4) not null
);
create index reminder_effect_currency_ix on reminder_effect (currency, sent_on);
create index reminder_effect_experiment_ix on reminder_effect (experiment_id);
