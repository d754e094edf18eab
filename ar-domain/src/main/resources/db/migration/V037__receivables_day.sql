-- Collections figures: what the receivables were at the end of each business date, per currency,
-- written by the daily run (one statement per date) so trends never scan the book per view.
-- Amounts as the ledger stood at the end of the day (see LedgerAsOf); a date is written once.
create table receivables_day (
    business_date   date          not null,
    currency        varchar(3)    not null,
    open_amount     numeric(19,4) not null,
    overdue_amount  numeric(19,4) not null,
    overdue_1_30    numeric(19,4) not null,
    overdue_31_60   numeric(19,4) not null,
    overdue_61_90   numeric(19,4) not null,
    overdue_over_90 numeric(19,4) not null,
    open_items      integer       not null,
    overdue_items   integer       not null,
    cash_received   numeric(19,4) not null,
    written_at      timestamp with time zone not null,
    constraint receivables_day_pk primary key (business_date, currency)
);

-- The credit sales of each day per currency (invoices issued that day and not cancelled), which DSO
-- counts back over: written by the same run, the first run a year back in one statement.
create table credit_sales_day (
    business_date date          not null,
    currency      varchar(3)    not null,
    amount        numeric(19,4) not null,
    constraint credit_sales_day_pk primary key (business_date, currency)
);
create index invoice_issue_date_ix on invoice (issue_date);
