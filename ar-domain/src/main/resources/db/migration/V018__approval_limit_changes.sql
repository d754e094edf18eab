-- Who set each approver's limit and when, and every change to the limits in order, removals
-- included: a limit decides who may approve what, so it is never changed without a trace.
alter table approval_limit add column updated_by varchar(64);
alter table approval_limit add column updated_at timestamp with time zone;

create sequence approval_limit_change_seq start with 50 increment by 50;
create table approval_limit_change (
    id         bigint        not null primary key,
    user_id    bigint        not null references app_user (id),
    currency   varchar(3)    not null,
    -- null: there was no limit in this currency before (set) or after (removed).
    old_amount numeric(19,4),
    new_amount numeric(19,4),
    changed_by varchar(64)   not null,
    changed_at timestamp with time zone not null,
    constraint approval_limit_change_ck check (old_amount is not null or new_amount is not null)
);
create index approval_limit_change_at_ix on approval_limit_change (changed_at);
