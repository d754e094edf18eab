-- The customer's side: the link in every message that opens their own page, and what they tell us
-- there.

-- One link per message (or per printed letter): a random token, kept only as its SHA-256 digest,
-- valid until it expires or is revoked (the customer's contact changed, or a collector revoked it).
create sequence portal_link_seq start with 50 increment by 50;
create table portal_link (
    id          bigint       not null primary key,
    customer_id bigint       not null references customer (id),
    contact_id  bigint references contact (id),
    message_id  bigint references outbox_message (id),
    token_hash  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    revoked_by  varchar(64),
    constraint portal_link_token_uk unique (token_hash)
);
create index portal_link_customer_ix on portal_link (customer_id);
create index portal_link_message_ix on portal_link (message_id);

-- What the customer said on their page is logged on its own channel.
alter table communication alter column channel set data type varchar(12);

-- "I've already paid": reminders for the invoices wait a few business days for the payment; if it
-- has not come by then, the next reminder thanks the customer for saying so and asks again gently.
alter table invoice add column reported_paid_on date;
alter table invoice add column reported_paid_until date;

-- A customer's request raises the case until a person has answered it.
alter table collection_case add column customer_request varchar(200);
alter table collection_case add column customer_request_on date;
create index collection_case_request_ix on collection_case (customer_request_on);

-- The customer can dispute an invoice themselves.
alter table dispute drop constraint dispute_source_ck;
alter table dispute add constraint dispute_source_ck
    check (source in ('COLLECTOR', 'ERP', 'CUSTOMER'));

-- What the customer sent with a report or a dispute: a remittance advice, a photo of a delivery
-- note. At most 5 MB, PDF, PNG or JPEG (checked by content, not by name).
create sequence customer_upload_seq start with 50 increment by 50;
create table customer_upload (
    id           bigint        not null primary key,
    customer_id  bigint        not null references customer (id),
    file_name    varchar(200)  not null,
    media_type   varchar(40)   not null,
    content      bytea         not null,
    uploaded_at  timestamp with time zone not null,
    constraint customer_upload_type_ck
        check (media_type in ('application/pdf', 'image/png', 'image/jpeg'))
);
create index customer_upload_customer_ix on customer_upload (customer_id);

-- The key that signs the portal's forms (CSRF), the same on every node.
create table portal_key (
    id      integer      not null primary key,
    secret  varchar(64)  not null
);
