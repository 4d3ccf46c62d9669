-- V10__grace_declarations.sql
-- Grace declarations (벌칙 유예): an administrator declares, as one act, that the cases of a window
-- (start inclusive, end exclusive) are not fined, nationwide or in chosen 시도/시군구, for all or chosen
-- facility types, for every cause (FULL) or only where the verification system was down
-- (VERIFICATION_FAILURE). Every covered case is linked to every active declaration that covers it
-- (grace_waiver); revoking a declaration removes its links and restores a case that no other active
-- declaration still holds. A case in a grace period is closed without a fine, the reason and the
-- declaration kept (질서위반행위규제법; domain-rules.md, "How an administrative fine proceeds", step 5).

create table grace_declaration (
    id                bigint generated always as identity primary key,
    version           int not null default 0,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,                 -- exclusive
    kind              varchar(24) not null check (kind in ('FULL', 'VERIFICATION_FAILURE')),
    reason            varchar(300) not null,
    announcement_ref  varchar(300),
    status            varchar(12) not null check (status in ('APPLYING', 'APPLIED', 'REVOKING', 'REVOKED')),
    declared_at       timestamptz not null,
    declared_by       bigint references account(id),        -- null: seeded from the public record
    revoked_at        timestamptz,
    revoked_by        bigint references account(id),
    revoke_reason     varchar(300),
    covered_count     bigint not null default 0 check (covered_count >= 0),  -- cases linked now
    progress_total    bigint not null default 0 check (progress_total >= 0), -- cases the current run handles
    check (ends_at > starts_at),
    check ((status in ('REVOKING', 'REVOKED')) = (revoked_at is not null))
);
create index grace_declaration_window_idx on grace_declaration (starts_at, ends_at);

-- the scope: chosen 시도, chosen 시군구, chosen facility types (no region: nationwide; no type: all)
create table grace_declaration_sido (
    declaration_id bigint not null references grace_declaration(id),
    sido_code      varchar(10) not null references sido(code),
    primary key (declaration_id, sido_code)
);

create table grace_declaration_sigungu (
    declaration_id bigint not null references grace_declaration(id),
    sigungu_code   varchar(10) not null references sigungu(code),
    primary key (declaration_id, sigungu_code)
);

create table grace_declaration_type (
    declaration_id bigint not null references grace_declaration(id),
    type_code      varchar(40) not null references facility_type(code),
    primary key (declaration_id, type_code)
);

-- which declaration holds which case waived
create table grace_waiver (
    declaration_id bigint not null references grace_declaration(id),
    fine_case_id   bigint not null references fine_case(id),
    waived_at      timestamptz not null,
    primary key (declaration_id, fine_case_id)
);
create index grace_waiver_case_idx on grace_waiver (fine_case_id);

-- a declaration looks for the cases of its window across the country
create index violation_occurred_idx on violation (occurred_at);

-- The two waivers of the outage of December 2021, from the public record (seed news: News1 and the
-- Dong-A Ilbo, 2021-12-14; Nocut 2021-12-14). They were declared before the portal existed: no
-- declaring account, declared_at the day of the reports (the hour was not published).
insert into grace_declaration (starts_at, ends_at, kind, reason, announcement_ref, status,
                               declared_at, declared_by) values
  (timestamptz '2021-12-13 00:00:00+09', timestamptz '2021-12-14 00:00:00+09', 'FULL',
   '방역패스 과태료 부과 첫날 접종증명·QR 시스템 장애(11:40–13:30, 18:00–19:00)로 당일 위반 전체 벌칙 유예(점심시간 적발 건 포함)',
   'seed news: News1, 동아일보 2021-12-14', 'APPLIED', timestamptz '2021-12-14 00:00:00+09', null),
  (timestamptz '2021-12-14 00:00:00+09', timestamptz '2021-12-15 00:00:00+09', 'VERIFICATION_FAILURE',
   '네이버 QR 장애(11:40–12:17)로 접종 확인을 하지 못한 경우 벌칙 유예',
   'seed news: News1, 동아일보 2021-12-14; 노컷뉴스 2021-12-14', 'APPLIED', timestamptz '2021-12-14 00:00:00+09', null);
