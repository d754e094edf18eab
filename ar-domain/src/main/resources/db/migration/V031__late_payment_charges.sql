-- Late-payment charges: reminder fees, statutory or contractual interest and the fixed compensation
-- for recovery costs, off by default, per reminder policy. What is charged is written on charge
-- documents of their own, one per customer, currency and business date; invoices never change.

-- The central-bank rates statutory interest is reckoned from, as an administrator records them
-- (there is no outside feed): each is in force from its date until the next of its kind.
create table reference_rate (
    kind       varchar(20)  not null,
    valid_from date         not null,
    rate       numeric(7,4) not null,
    note       varchar(200),
    updated_by varchar(64)  not null,
    updated_at timestamp with time zone not null,
    constraint reference_rate_pk primary key (kind, valid_from),
    constraint reference_rate_kind_ck check (kind in ('EU_REFERENCE', 'UK_BASE')),
    constraint reference_rate_range_ck check (rate > -10 and rate < 100)
);

-- A policy's charges; a policy without a row charges nothing.
create table policy_charges (
    policy_id         bigint       not null primary key references reminder_policy (id),
    interest          varchar(16)  not null,
    margin            numeric(7,4),
    monthly_rate      numeric(7,4),
    compensation      boolean      not null,
    show_in_reminders boolean      not null,
    version           bigint       not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(64)  not null,
    constraint policy_charges_interest_ck
        check (interest in ('NONE', 'EU_DIRECTIVE', 'UK_ACT', 'CONTRACTUAL'))
);

-- A fee per reminder step (position as in reminder_step) and currency: never converted, so a
-- reminder in a currency without a fee for its step costs nothing.
create table policy_step_fee (
    policy_id bigint        not null references policy_charges (policy_id),
    position  integer       not null,
    currency  varchar(3)    not null,
    amount    numeric(19,4) not null,
    constraint policy_step_fee_pk primary key (policy_id, position, currency),
    constraint policy_step_fee_amount_ck check (amount > 0)
);

-- A charge document: what one business date charged one customer in one currency. It is OPEN
-- until payments (or a credit of its own kind) settle it, or until it is waived; the waived_*
-- columns are the waiver's (who, when, why, how much). A document whose corrections outweigh its
-- charges is a credit (total below zero), applied to the customer's open charges.
create sequence charge_document_seq start with 50 increment by 50;
create table charge_document (
    id             bigint        not null primary key,
    number         varchar(40)   not null,
    customer_id    bigint        not null references customer (id),
    currency       varchar(3)    not null,
    business_date  date          not null,
    policy_id      bigint        not null,
    message_id     bigint,
    total          numeric(19,4) not null,
    settled        numeric(19,4) not null,
    status         varchar(10)   not null,
    waived_amount  numeric(19,4),
    waived_at      timestamp with time zone,
    waived_by      varchar(64),
    waived_reason  varchar(1000),
    version        bigint        not null,
    created_at     timestamp with time zone not null,
    constraint charge_document_number_uk unique (number),
    constraint charge_document_day_uk unique (customer_id, currency, business_date),
    constraint charge_document_status_ck check (status in ('OPEN', 'SETTLED', 'WAIVED')),
    constraint charge_document_settled_ck
        check (settled >= 0 and settled + coalesce(waived_amount, 0) <= abs(total))
);
create index charge_document_open_ix on charge_document (customer_id, currency, status);

-- A document's lines: a fee for a reminder, interest on an invoice for days from..to (on which
-- amount, at which rate), a correction of interest charged before, the fixed compensation. The
-- key says what a line stands for, so nothing is charged twice, whichever node runs a date:
--   fee/{message}                 one fee per reminder queued
--   interest/{invoice}/{from}     interest from a day on, once
--   correction/{invoice}/{date}   a correction per invoice and business date
--   compensation/{invoice}        the fixed compensation, once per invoice
create sequence charge_line_seq start with 50 increment by 50;
create table charge_line (
    id             bigint        not null primary key,
    document_id    bigint        not null references charge_document (id),
    kind           varchar(12)   not null,
    invoice_id     bigint references invoice (id),
    period_from    date,
    period_to      date,
    base_amount    numeric(19,4),
    reference_rate numeric(7,4),
    rate           numeric(7,4),
    days           integer,
    amount         numeric(19,4) not null,
    step_position  integer,
    message_id     bigint,
    dedup_key      varchar(80)   not null,
    note           varchar(400),
    constraint charge_line_dedup_uk unique (dedup_key),
    constraint charge_line_kind_ck check (kind in ('FEE', 'INTEREST', 'CORRECTION', 'COMPENSATION')),
    constraint charge_line_period_ck check (period_to is null or period_to >= period_from)
);
create index charge_line_document_ix on charge_line (document_id);
create index charge_line_invoice_ix on charge_line (invoice_id);

-- How far each invoice's interest was charged (up to and including charged_to), and its exact sum
-- before rounding, so a later charge starts the day after and a payment recorded after its own
-- date is corrected. The version makes two writers of one invoice collide rather than both win.
create table charge_accrual (
    invoice_id    bigint         not null primary key references invoice (id),
    policy_id     bigint         not null,
    charged_to    date           not null,
    exact_charged numeric(29,10) not null,
    closed        boolean        not null,
    version       bigint         not null
);
create index charge_accrual_open_ix on charge_accrual (closed);

-- What settled a document: part of a payment (named by the ERP through the API) or a credit
-- document. Once per payment and document, once per credit and document.
create sequence charge_settlement_seq start with 50 increment by 50;
create table charge_settlement (
    id                 bigint        not null primary key,
    document_id        bigint        not null references charge_document (id),
    payment_id         bigint references payment (id),
    credit_document_id bigint references charge_document (id),
    amount             numeric(19,4) not null,
    settled_at         timestamp with time zone not null,
    settled_by         varchar(64)   not null,
    constraint charge_settlement_payment_uk unique (document_id, payment_id),
    constraint charge_settlement_credit_uk unique (document_id, credit_document_id),
    constraint charge_settlement_amount_ck check (amount > 0),
    constraint charge_settlement_source_ck
        check ((payment_id is null and credit_document_id is not null)
               or (payment_id is not null and credit_document_id is null))
);
create index charge_settlement_payment_ix on charge_settlement (payment_id);

-- What each business date charged; the row makes the charging of a date happen once (it commits
-- with the run), and keeps which reference rate interest waited for.
create table charge_run (
    business_date date          not null primary key,
    documents     integer       not null,
    charge_lines  integer       not null,
    waiting_for   varchar(1000),
    created_at    timestamp with time zone not null
);
