-- V7__sanctions.sql
-- Operation suspensions and closure orders decided on a violation's proposed sanction. A decided
-- suspension makes the facility "suspended" from its first to its last day; a closure order closes
-- it for good (SanctionSchedule applies them to facility.status).

create table sanction_decision (
    id            bigint generated always as identity primary key,
    violation_id  bigint not null unique references violation(id),
    facility_id   bigint not null references facility(id),
    sigungu_code  varchar(10) not null references sigungu(code),
    kind          varchar(12) not null check (kind in ('SUSPENSION', 'CLOSURE')),
    starts_on     date not null,
    ends_on       date,
    decided_at    timestamptz not null,
    decided_by    bigint not null references account(id),
    check ((kind = 'SUSPENSION') = (ends_on is not null)),
    check (ends_on is null or ends_on >= starts_on)
);
create index sanction_decision_facility_idx on sanction_decision (facility_id);
create index sanction_decision_days_idx on sanction_decision (starts_on, ends_on);
