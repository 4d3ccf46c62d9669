-- V3__accounts.sql
-- Accounts of owners (사업주), inspectors (bound to one 시군구) and administrators. Passwords only as
-- PBKDF2 hashes (algorithm, iterations and salt inside the stored text).

create table account (
    id                bigint generated always as identity primary key,
    version           int not null default 0,
    email             varchar(254) not null,
    password_hash     varchar(512) not null,
    display_name      varchar(60) not null,
    phone             varchar(20) not null,
    role              varchar(16) not null check (role in ('OWNER', 'INSPECTOR', 'ADMIN')),
    jurisdiction_code varchar(10) references sigungu(code),
    enabled           boolean not null default true,
    created_at        timestamptz not null,
    constraint account_email_key unique (email),
    constraint account_email_lowercase check (email = lower(email)),
    constraint account_inspector_has_jurisdiction
        check ((role = 'INSPECTOR') = (jurisdiction_code is not null))
);
create index account_role_idx on account (role);
