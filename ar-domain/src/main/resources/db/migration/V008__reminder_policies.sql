-- Reminder policies: when, how and in which tone customers are reminded. One policy is the
-- default; a customer can have its own.
-- Starts at 100: the first block of ids the application takes is 51-100, clear of the default
-- policy (id 1) inserted below.
create sequence reminder_policy_seq start with 100 increment by 50;

create table reminder_policy (
    id          bigint      not null primary key,
    name        varchar(80) not null,
    is_default  boolean     not null,
    grace_days  integer     not null,
    repeat_days integer,
    cap_days    integer     not null,
    thank_you   boolean     not null,
    version     bigint      not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64) not null,
    constraint reminder_policy_name_uk unique (name),
    constraint reminder_policy_days_ck
        check (grace_days >= 0 and cap_days >= 0 and (repeat_days is null or repeat_days > 0))
);

-- The steps in the order they are sent; offset in days from the due date (negative: before).
create table reminder_step (
    policy_id   bigint      not null references reminder_policy (id),
    position    integer     not null,
    offset_days integer     not null,
    channel     varchar(10) not null,
    tone        varchar(20) not null,
    constraint reminder_step_pk primary key (policy_id, position),
    constraint reminder_step_channel_ck check (channel in ('EMAIL', 'SMS', 'LETTER', 'PHONE')),
    constraint reminder_step_tone_ck check (tone in ('FRIENDLY', 'FIRM', 'FINAL_COURTEOUS'))
);

-- Below this open amount a customer is not reminded in that currency.
create table reminder_minimum (
    policy_id bigint        not null references reminder_policy (id),
    currency  varchar(3)    not null,
    amount    numeric(19,4) not null,
    constraint reminder_minimum_pk primary key (policy_id, currency),
    constraint reminder_minimum_amount_ck check (amount >= 0)
);

alter table customer add column reminder_policy_id bigint references reminder_policy (id);

-- The default policy: a heads-up three days before the due date, a note on the day, then after
-- one, two and four weeks, each a little firmer; after the last, every two weeks until paid.
insert into reminder_policy (id, name, is_default, grace_days, repeat_days, cap_days, thank_you,
                             version, updated_at, updated_by)
values (1, 'Courtesy default', true, 2, 14, 7, true, 0, current_timestamp, 'system');

insert into reminder_step (policy_id, position, offset_days, channel, tone) values
    (1, 0, -3, 'EMAIL', 'FRIENDLY'),
    (1, 1, 0, 'EMAIL', 'FRIENDLY'),
    (1, 2, 7, 'EMAIL', 'FRIENDLY'),
    (1, 3, 14, 'EMAIL', 'FIRM'),
    (1, 4, 30, 'EMAIL', 'FINAL_COURTEOUS');

insert into reminder_minimum (policy_id, currency, amount) values
    (1, 'EUR', 10), (1, 'USD', 10), (1, 'GBP', 10), (1, 'CHF', 10), (1, 'CAD', 10),
    (1, 'AUD', 10), (1, 'JPY', 1000);
