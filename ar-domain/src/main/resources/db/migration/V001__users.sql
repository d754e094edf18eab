-- Accounts that sign in, and their roles. The web module's identity store reads these tables.
-- Sequences start at their increment: EclipseLink allocates the 50 ids up to each value it reads.
create sequence app_user_seq start with 50 increment by 50;

create table app_user (
    id            bigint        not null primary key,
    username      varchar(64)   not null,
    display_name  varchar(120)  not null,
    password_hash varchar(400)  not null,
    active        boolean       not null,
    version       bigint        not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(64)   not null,
    constraint app_user_username_uk unique (username)
);

create table app_user_role (
    user_id   bigint      not null references app_user (id),
    role_name varchar(20) not null,
    constraint app_user_role_pk primary key (user_id, role_name),
    constraint app_user_role_name_ck
        check (role_name in ('collector', 'approver', 'admin', 'integration'))
);
