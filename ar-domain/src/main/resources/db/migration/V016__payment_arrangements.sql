-- Payment arrangements: instalment plans, extensions and early-payment discounts, proposed on a
-- case and decided by an approver other than the proposer, within that approver's limit.

-- How far an arrangement may go and how patiently it is followed (one row; administrators edit it).
create table arrangement_settings (
    id                   integer      not null primary key,
    max_instalments      integer      not null,
    max_plan_days        integer      not null,
    max_extension_days   integer      not null,
    max_discount_percent numeric(5,2) not null,
    max_discount_days    integer      not null,
    reminder_days_before integer      not null,
    notice_grace_days    integer      not null,
    default_grace_days   integer      not null,
    version              bigint       not null,
    updated_at           timestamp with time zone,
    updated_by           varchar(64),
    constraint arrangement_settings_one_ck check (id = 1),
    constraint arrangement_settings_ck check (max_instalments >= 2 and max_plan_days >= 1
        and max_extension_days >= 1 and max_discount_percent > 0 and max_discount_percent < 100
        and max_discount_days >= 0 and reminder_days_before >= 0 and notice_grace_days >= 0
        and default_grace_days >= 0)
);
insert into arrangement_settings (id, max_instalments, max_plan_days, max_extension_days,
                                  max_discount_percent, max_discount_days, reminder_days_before,
                                  notice_grace_days, default_grace_days, version)
values (1, 12, 365, 60, 5.00, 30, 3, 3, 7, 0);

-- What an approver may approve, per currency (amounts of different currencies are never
-- converted): a proposal covering more needs an approver whose limit in its currency covers it.
create table approval_limit (
    user_id  bigint        not null references app_user (id),
    currency varchar(3)    not null,
    amount   numeric(19,4) not null,
    constraint approval_limit_pk primary key (user_id, currency),
    constraint approval_limit_amount_ck check (amount >= 0)
);

create sequence arrangement_seq start with 50 increment by 50;
create table arrangement (
    id               bigint        not null primary key,
    case_id          bigint        not null references collection_case (id),
    customer_id      bigint        not null references customer (id),
    kind             varchar(12)   not null,
    status           varchar(10)   not null,
    currency         varchar(3)    not null,
    -- What the covered invoices had open when it was proposed; the instalments add up to it.
    covered          numeric(19,4) not null,
    frequency        varchar(12),
    new_due_date     date,
    discount_percent numeric(5,2),
    discount         numeric(19,4),
    pay_by           date,
    reason           varchar(2000) not null,
    proposed_by      varchar(64)   not null,
    proposed_at      timestamp with time zone not null,
    decided_by       varchar(64),
    decided_at       timestamp with time zone,
    decision_note    varchar(2000),
    active_from      date,
    -- The instalment the one "we noticed" message was about, and when it was queued.
    noticed_instalment integer,
    noticed_on       date,
    closed_on        date,
    -- The customer's id while pending or active, null once decided otherwise or finished: one
    -- live arrangement per customer.
    live_customer_id bigint,
    version          bigint        not null,
    constraint arrangement_live_uk unique (live_customer_id),
    constraint arrangement_covered_ck check (covered > 0),
    constraint arrangement_kind_ck check (kind in ('INSTALMENTS', 'EXTENSION', 'DISCOUNT')),
    constraint arrangement_status_ck check (status in
        ('PENDING', 'REJECTED', 'WITHDRAWN', 'ACTIVE', 'COMPLETED', 'DEFAULTED', 'ENDED', 'LAPSED'))
);
create index arrangement_case_ix on arrangement (case_id);
create index arrangement_customer_ix on arrangement (customer_id);
-- The approvers' inbox: pending proposals, oldest first.
create index arrangement_status_ix on arrangement (status, proposed_at);

create table arrangement_invoice (
    arrangement_id bigint        not null references arrangement (id),
    invoice_id     bigint        not null references invoice (id),
    open_amount    numeric(19,4) not null,
    constraint arrangement_invoice_pk primary key (arrangement_id, invoice_id)
);
create index arrangement_invoice_ix on arrangement_invoice (invoice_id);

-- The dates and amounts the customer pays: a plan's instalments; the new date (with everything
-- covered) of an extension; the pay-by date (with the discounted amount) of a discount.
create table instalment (
    arrangement_id bigint        not null references arrangement (id),
    number         integer       not null,
    due_on         date          not null,
    amount         numeric(19,4) not null,
    constraint instalment_pk primary key (arrangement_id, number),
    constraint instalment_amount_ck check (amount > 0)
);

-- Letters about an arrangement wait in the outbox like reminders: the confirmation, a note before
-- each instalment, the one "we noticed" message. They name their arrangement and instalment.
alter table outbox_message add column arrangement_id bigint references arrangement (id);
alter table outbox_message add column instalment_no integer default 0 not null;
alter table outbox_message drop constraint outbox_message_uk;
alter table outbox_message add constraint outbox_message_uk
    unique (customer_id, currency, step_position, business_date, personal_no, instalment_no);
alter table outbox_message drop constraint outbox_message_kind_ck;
alter table outbox_message add constraint outbox_message_kind_ck
    check (kind in ('REMINDER', 'THANK_YOU', 'PERSONAL', 'AGREED', 'INSTALMENT', 'MISSED'));
create index outbox_message_arrangement_ix on outbox_message (arrangement_id);

-- A defaulted arrangement brings its case back, ranked higher, until a collector follows it up.
alter table collection_case add column arrangement_defaulted_on date;
alter table collection_case drop constraint collection_case_status_ck;
alter table collection_case add constraint collection_case_status_ck check (status in
    ('OPEN', 'PROMISED', 'PROMISE_BROKEN', 'DISPUTED', 'PAUSED', 'HARDSHIP', 'ARRANGED',
     'PLAN_DEFAULTED', 'CLOSED'));
