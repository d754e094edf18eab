-- Reminder templates an administrator activated, per tone and language. Without a row here the
-- template shipped with the application (reminder/templates/*) applies.
create table reminder_template (
    tone       varchar(20)     not null,
    language   varchar(8)      not null,
    subject    varchar(400)    not null,
    text_body  varchar(20000)  not null,
    html_body  varchar(40000)  not null,
    version    bigint          not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(64)     not null,
    constraint reminder_template_pk primary key (tone, language),
    constraint reminder_template_tone_ck check (tone in ('FRIENDLY', 'FIRM', 'FINAL_COURTEOUS'))
);
