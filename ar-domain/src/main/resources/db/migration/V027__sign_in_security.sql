-- What happened to sign-in and to the accounts: failed and successful sign-ins, locks, account,
-- password and second-factor changes, approvals and overrides. Never a password, code or secret.
create sequence security_event_seq start with 50 increment by 50;

create table security_event (
    id          bigint       not null primary key,
    occurred_at timestamp with time zone not null,
    kind        varchar(40)  not null,
    username    varchar(64),
    address     varchar(64),
    detail      varchar(500)
);
create index security_event_time_ix on security_event (occurred_at desc, id desc);
create index security_event_user_ix on security_event (username, occurred_at desc);

-- Failed sign-ins, counted per account ('account:<username>') and per client address
-- ('address:<ip>'): the delays that grow with them and an account's temporary lock.
create table sign_in_throttle (
    throttle_key    varchar(100) not null primary key,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null,
    locked_until    timestamp with time zone
);

-- The second factor: a TOTP secret (RFC 6238), pending until its first code confirms it, the last
-- time step used (a code counts once), and one-time recovery codes kept as SHA-256 digests.
alter table app_user add column totp_secret varchar(64);
alter table app_user add column mfa_enabled_at timestamp with time zone;
alter table app_user add column totp_last_step bigint;
alter table app_user add column password_changed_at timestamp with time zone;

create table app_user_recovery_code (
    user_id   bigint      not null references app_user (id),
    code_hash varchar(64) not null,
    used_at   timestamp with time zone,
    constraint app_user_recovery_code_pk primary key (user_id, code_hash)
);
