-- Payments reversed, credit notes cancelled, and unapplied credit refunded.
--
-- A reversal moves the receipt's allocations out of payment_allocation / credit_allocation into
-- unwound_allocation, in the same transaction: the V006 triggers take them off invoice.allocated,
-- so every reader of "what is open" sees the invoices reopen, and nothing is lost: the unwound
-- rows say what was applied where, received when, and which reversal took it back. One reversal
-- per receipt (the unique keys), so a receipt is never reversed twice, whatever the race.
create sequence receipt_reversal_seq start with 50 increment by 50;
create table receipt_reversal (
    id             bigint       not null primary key,
    customer_id    bigint       not null references customer (id),
    payment_id     bigint       references payment (id),
    credit_note_id bigint       references credit_note (id),
    kind           varchar(20)  not null,
    reversed_on    date         not null,
    reason         varchar(400) not null,
    recorded_by    varchar(64)  not null,
    recorded_at    timestamp with time zone not null,
    constraint receipt_reversal_payment_uk unique (payment_id),
    constraint receipt_reversal_credit_note_uk unique (credit_note_id),
    constraint receipt_reversal_one_ck check ((payment_id is null) <> (credit_note_id is null)),
    constraint receipt_reversal_kind_ck
        check (kind in ('BOUNCED', 'CHARGEBACK', 'REFUND', 'MISTAKEN_ENTRY', 'CANCELLED'))
);
create index receipt_reversal_customer_ix on receipt_reversal (customer_id);

-- received_on is the receipt's own date (payment date, credit note issue date): what the ledger
-- looked like on a past date counts an unwound allocation from then until the reversal.
create table unwound_allocation (
    reversal_id bigint        not null references receipt_reversal (id),
    invoice_id  bigint        not null references invoice (id),
    received_on date          not null,
    currency    varchar(3)    not null,
    amount      numeric(19,4) not null,
    constraint unwound_allocation_amount_ck check (amount > 0)
);
create index unwound_allocation_invoice_ix on unwound_allocation (invoice_id);
create index unwound_allocation_reversal_ix on unwound_allocation (reversal_id);

-- Money paid back to a customer from their unapplied credit (overpayments, credit notes not
-- applied): it lowers that credit, never an invoice.
create sequence credit_refund_seq start with 50 increment by 50;
create table credit_refund (
    id          bigint        not null primary key,
    customer_id bigint        not null references customer (id),
    external_id varchar(100),
    refund_date date          not null,
    currency    varchar(3)    not null,
    amount      numeric(19,4) not null,
    reference   varchar(100),
    reason      varchar(400)  not null,
    recorded_by varchar(64)   not null,
    recorded_at timestamp with time zone not null,
    constraint credit_refund_external_id_uk unique (external_id),
    constraint credit_refund_amount_ck check (amount > 0)
);
create index credit_refund_customer_ix on credit_refund (customer_id);
