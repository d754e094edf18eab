-- Webhooks: what the ERP must learn, posted to the URLs it subscribed, signed, at least once.
-- A subscription names a URL, the event types it wants and the secret its deliveries are signed
-- with (generated here, shown once). An event is written in the same transaction as the change it
-- reports (a transactional outbox), with an id that stays the same on every delivery of it; each
-- subscription that wants its type gets one delivery of it, retried with backoff until the
-- receiver answers 2xx, given up (FAILED) after the last attempt and sent again when an
-- administrator asks.
create sequence webhook_subscription_seq start with 50 increment by 50;
create table webhook_subscription (
    id          bigint        not null primary key,
    url         varchar(2000) not null,
    description varchar(200),
    secret      varchar(64)   not null,
    active      boolean       not null,
    created_by  varchar(64)   not null,
    created_at  timestamp with time zone not null,
    updated_by  varchar(64)   not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null
);

create table webhook_subscription_event (
    subscription_id bigint      not null references webhook_subscription (id),
    event_type      varchar(40) not null,
    primary key (subscription_id, event_type)
);
create index webhook_subscription_event_type_ix on webhook_subscription_event (event_type);

-- Events and deliveries are written by SQL alone, each id the next value of its sequence.
create sequence webhook_event_seq;
create table webhook_event (
    id          bigint        not null primary key,
    event_id    varchar(36)   not null,
    event_type  varchar(40)   not null,
    occurred_at timestamp with time zone not null,
    body        varchar(100000) not null,
    constraint webhook_event_event_id_uk unique (event_id)
);

create sequence webhook_delivery_seq;
create table webhook_delivery (
    id              bigint       not null primary key,
    subscription_id bigint       not null references webhook_subscription (id),
    event_id        bigint       not null references webhook_event (id),
    status          varchar(10)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone,
    lease_until     timestamp with time zone,
    claim_token     varchar(36),
    claimed_by      varchar(200),
    last_attempt_at timestamp with time zone,
    last_status     integer,
    last_error      varchar(1000),
    delivered_at    timestamp with time zone,
    resent_by       varchar(64),
    resent_at       timestamp with time zone,
    created_at      timestamp with time zone not null,
    version         bigint       not null,
    constraint webhook_delivery_uk unique (subscription_id, event_id),
    constraint webhook_delivery_status_ck check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index webhook_delivery_due_ix on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_event_ix on webhook_delivery (event_id);
