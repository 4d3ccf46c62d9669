-- V6__enforcement.sql
-- Inspections, violations with the penalty the law set for them, and fine cases with every step
-- of their procedure (질서위반행위규제법). The visitor's personal data is AES-GCM ciphertext.

create table inspection (
    id             bigint generated always as identity primary key,
    facility_id    bigint not null references facility(id),
    sigungu_code   varchar(10) not null references sigungu(code),
    inspector_id   bigint not null references account(id),
    inspected_at   timestamptz not null,
    notes          varchar(2000),
    created_at     timestamptz not null
);
create index inspection_facility_idx on inspection (facility_id);
create index inspection_sigungu_idx on inspection (sigungu_code, inspected_at desc);

create table fine_case (
    id                   bigint generated always as identity primary key,
    version              int not null default 0,
    amount_won           bigint not null check (amount_won > 0),
    state                varchar(20) not null check (state in ('DRAFT', 'PRIOR_NOTICE_SENT',
                           'VOLUNTARILY_PAID', 'IMPOSED', 'PAID', 'OBJECTED', 'REFERRED', 'CANCELLED', 'WAIVED')),
    prior_notice_on      date,
    opinion_deadline     date,
    imposed_on           date,
    paid_won             bigint,
    paid_on              date,
    state_before_waiver  varchar(20),
    refund_due           boolean not null default false,
    opinion              varchar(4000),
    opinion_at           timestamptz,
    opinion_by           bigint references account(id)
);

-- every step of a fine case: who moved it from where to where, when, and why
create table fine_transition (
    fine_case_id  bigint not null references fine_case(id),
    step          int not null,
    from_state    varchar(20),
    to_state      varchar(20) not null,
    at            timestamptz not null,
    by_account    bigint not null,
    reason        varchar(500),
    primary key (fine_case_id, step)
);

create table violation (
    id                 bigint generated always as identity primary key,
    inspection_id      bigint not null references inspection(id),
    facility_id        bigint not null references facility(id),
    sigungu_code       varchar(10) not null references sigungu(code),
    kind               varchar(10) not null check (kind in ('VISITOR', 'OPERATOR')),
    occurred_at        timestamptz not null,
    visitor_name       text,
    visitor_birth_date text,
    visitor_phone      text,
    shown              varchar(200),
    description        varchar(2000),
    schedule           varchar(20) not null,
    prior_count        int not null check (prior_count >= 0),
    fine_won           bigint not null check (fine_won >= 0),
    sanction_kind      varchar(12) not null check (sanction_kind in ('NONE', 'WARNING', 'SUSPENSION', 'CLOSURE')),
    sanction_length    varchar(10),
    warning_only       boolean not null,
    fine_case_id       bigint unique references fine_case(id),
    created_at         timestamptz not null,
    created_by         bigint not null references account(id),
    check (kind = 'OPERATOR' or visitor_name is not null)
);
create index violation_facility_idx on violation (facility_id, occurred_at);
create index violation_sigungu_idx on violation (sigungu_code, occurred_at desc);
