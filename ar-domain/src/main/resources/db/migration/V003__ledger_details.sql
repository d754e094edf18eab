-- The full receivables ledger: external ids for idempotent ERP feeds, contacts, credit notes and
-- their allocations, explicit invoice states (written off, cancelled), the customer's collector.
-- Open amounts stay derived from allocations; nothing here stores them a second time.
alter table customer add column external_id varchar(100);
alter table customer add column collector_id bigint references app_user (id);
alter table customer add column notes varchar(4000);
alter table customer add column updated_at timestamp with time zone;
alter table customer add column updated_by varchar(64);
alter table customer add constraint customer_external_id_uk unique (external_id);

create sequence contact_seq start with 50 increment by 50;
create table contact (
    id                bigint       not null primary key,
    customer_id       bigint       not null references customer (id),
    external_id       varchar(100),
    name              varchar(200) not null,
    salutation        varchar(40),
    job_role          varchar(100),
    email             varchar(254),
    phone             varchar(40),
    mobile            varchar(40),
    preferred_channel varchar(10)  not null,
    email_opt_out     boolean      not null,
    sms_opt_out       boolean      not null,
    version           bigint       not null,
    created_at        timestamp with time zone not null,
    constraint contact_external_id_uk unique (external_id),
    constraint contact_channel_ck check (preferred_channel in ('EMAIL', 'SMS', 'PHONE', 'LETTER', 'VISIT'))
);
create index contact_customer_ix on contact (customer_id);

alter table invoice add column external_id varchar(100);
alter table invoice add column reference varchar(100);
alter table invoice add column state varchar(12) default 'ISSUED' not null;
alter table invoice add column disputed boolean default false not null;
alter table invoice add constraint invoice_external_id_uk unique (external_id);
alter table invoice add constraint invoice_state_ck check (state in ('ISSUED', 'WRITTEN_OFF', 'CANCELLED'));

alter table payment add column external_id varchar(100);
alter table payment add column method varchar(30);
alter table payment add constraint payment_external_id_uk unique (external_id);

create sequence credit_note_seq start with 50 increment by 50;
create table credit_note (
    id          bigint        not null primary key,
    customer_id bigint        not null references customer (id),
    external_id varchar(100),
    number      varchar(40)   not null,
    issue_date  date          not null,
    currency    varchar(3)    not null,
    amount      numeric(19,4) not null,
    reason      varchar(400),
    version     bigint        not null,
    created_at  timestamp with time zone not null,
    constraint credit_note_number_uk unique (number),
    constraint credit_note_external_id_uk unique (external_id),
    constraint credit_note_amount_ck check (amount > 0)
);
create index credit_note_customer_ix on credit_note (customer_id);

create sequence credit_allocation_seq start with 50 increment by 50;
create table credit_allocation (
    id             bigint        not null primary key,
    credit_note_id bigint        not null references credit_note (id),
    invoice_id     bigint        not null references invoice (id),
    currency       varchar(3)    not null,
    amount         numeric(19,4) not null,
    constraint credit_allocation_amount_ck check (amount > 0)
);
create index credit_allocation_invoice_ix on credit_allocation (invoice_id);
create index credit_allocation_note_ix on credit_allocation (credit_note_id);

-- First responses to POST requests carrying an Idempotency-Key, replayed for the same key.
create table idempotency_record (
    caller       varchar(64)     not null,
    idem_key     varchar(200)    not null,
    request_hash varchar(64)     not null,
    status       integer,
    response     varchar(1000000),
    created_at   timestamp with time zone not null,
    constraint idempotency_record_pk primary key (caller, idem_key)
);

drop view invoice_open_item;
create view invoice_open_item as
select i.id                                                          as invoice_id,
       i.customer_id                                                 as customer_id,
       i.currency                                                    as currency,
       i.due_date                                                    as due_date,
       i.amount - coalesce(p.allocated, 0) - coalesce(c.allocated, 0) as open_amount
  from invoice i
  left join (select invoice_id, sum(amount) as allocated
               from payment_allocation group by invoice_id) p on p.invoice_id = i.id
  left join (select invoice_id, sum(amount) as allocated
               from credit_allocation group by invoice_id) c on c.invoice_id = i.id
 where i.state = 'ISSUED'
   and i.amount > coalesce(p.allocated, 0) + coalesce(c.allocated, 0);
