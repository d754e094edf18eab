-- The receivables ledger: customers, invoices, payments and their allocations to invoices.
-- What is open on an invoice is derived (view invoice_open_item), never stored twice.
create sequence customer_seq start with 50 increment by 50;
create sequence invoice_seq start with 50 increment by 50;
create sequence payment_seq start with 50 increment by 50;
create sequence payment_allocation_seq start with 50 increment by 50;

create table customer (
    id         bigint       not null primary key,
    number     varchar(40)  not null,
    name       varchar(200) not null,
    country    varchar(2)   not null,
    time_zone  varchar(64)  not null,
    locale     varchar(35)  not null,
    currency   varchar(3)   not null,
    version    bigint       not null,
    created_at timestamp with time zone not null,
    constraint customer_number_uk unique (number)
);

create table invoice (
    id          bigint        not null primary key,
    number      varchar(40)   not null,
    customer_id bigint        not null references customer (id),
    issue_date  date          not null,
    due_date    date          not null,
    currency    varchar(3)    not null,
    amount      numeric(19,4) not null,
    version     bigint        not null,
    created_at  timestamp with time zone not null,
    constraint invoice_number_uk unique (number),
    constraint invoice_amount_ck check (amount > 0),
    constraint invoice_dates_ck check (due_date >= issue_date)
);
create index invoice_customer_ix on invoice (customer_id);
create index invoice_due_date_ix on invoice (due_date);

create table payment (
    id           bigint        not null primary key,
    customer_id  bigint        not null references customer (id),
    payment_date date          not null,
    currency     varchar(3)    not null,
    amount       numeric(19,4) not null,
    reference    varchar(100),
    version      bigint        not null,
    created_at   timestamp with time zone not null,
    constraint payment_amount_ck check (amount > 0)
);
create index payment_customer_ix on payment (customer_id);

create table payment_allocation (
    id         bigint        not null primary key,
    payment_id bigint        not null references payment (id),
    invoice_id bigint        not null references invoice (id),
    currency   varchar(3)    not null,
    amount     numeric(19,4) not null,
    constraint payment_allocation_amount_ck check (amount > 0)
);
create index payment_allocation_invoice_ix on payment_allocation (invoice_id);
create index payment_allocation_payment_ix on payment_allocation (payment_id);

create view invoice_open_item as
select i.id                                   as invoice_id,
       i.customer_id                          as customer_id,
       i.currency                             as currency,
       i.due_date                             as due_date,
       i.amount - coalesce(a.allocated, 0)    as open_amount
  from invoice i
  left join (select invoice_id, sum(amount) as allocated
               from payment_allocation
              group by invoice_id) a on a.invoice_id = i.id
 where i.amount > coalesce(a.allocated, 0);
