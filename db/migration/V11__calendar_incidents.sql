-- V11__calendar_incidents.sql
-- The enforcement calendar: every dated policy event of domain-rules.md ("Calendar"), shipped as
-- seed data and editable by administrators; each change is kept as a revision (who, when, what).
-- Grace declarations (V10) and incidents (below) are shown on the calendar from their own tables.
--
-- Verification-system incidents: while one is open in a place, owners there record visits as
-- "unverified: system down" with how they checked instead (불가항력, Etoday December 2021).

create table policy_event (
    id          bigint generated always as identity primary key,
    version     int not null default 0,
    kind        varchar(20) not null check (kind in ('COVERAGE', 'GUIDANCE', 'FINES_START',
                  'PASS_RULE', 'COURT', 'PENALTY_CHANGE', 'PASS_SUSPENDED')),
    starts_on   date not null,
    ends_on     date,                                  -- inclusive; null: a single day
    title_ko    varchar(300) not null,
    title_en    varchar(300) not null,
    source      varchar(300) not null,
    updated_at  timestamptz not null,
    updated_by  bigint references account(id),          -- null: seeded from the public record
    check (ends_on is null or ends_on >= starts_on)
);
create index policy_event_day_idx on policy_event (starts_on);

create table policy_event_revision (
    event_id    bigint not null references policy_event(id),
    revision    int not null,
    kind        varchar(20) not null,
    starts_on   date not null,
    ends_on     date,
    title_ko    varchar(300) not null,
    title_en    varchar(300) not null,
    source      varchar(300) not null,
    changed_at  timestamptz not null,
    changed_by  bigint references account(id),
    note        varchar(300),
    primary key (event_id, revision)
);

insert into policy_event (kind, starts_on, ends_on, title_ko, title_en, source, updated_at) values
  ('COVERAGE', '2021-11-01', null, '방역패스 시작: 유흥시설 등 5종', 'Pass starts at 5 facility types', 'Newsway 2021-11-08', now()),
  ('GUIDANCE', '2021-11-01', '2021-11-07', '계도기간 (5종)', 'Guidance period (5 types)', 'Newsway 2021-11-08', now()),
  ('GUIDANCE', '2021-11-01', '2021-11-13', '계도기간 (실내체육시설)', 'Guidance period (indoor sports)', 'Newsway 2021-11-08', now()),
  ('FINES_START', '2021-11-08', null, '과태료 부과 시작 (5종)', 'Fines start (5 types)', 'Newsway 2021-11-08', now()),
  ('FINES_START', '2021-11-14', null, '과태료 부과 시작 (실내체육시설)', 'Fines start (indoor sports)', 'Newsway 2021-11-08', now()),
  ('COVERAGE', '2021-12-06', null, '식당·카페 등 11종 추가 (16종)', '11 more types (16 in all)', 'seed news; Metro Seoul', now()),
  ('GUIDANCE', '2021-12-06', '2021-12-12', '계도기간 (추가 11종)', 'Guidance period (11 added types)', 'seed news; Metro Seoul', now()),
  ('FINES_START', '2021-12-13', null, '과태료 부과 시작 (16종)', 'Fines start (16 types)', 'seed news', now()),
  ('PASS_RULE', '2021-12-18', null, '식당·카페: 미접종자는 혼자 식사만', 'Restaurants and cafés: the unvaccinated dine alone only', 'KBS World 2021-12-06; Dongjak-gu notice', now()),
  ('GUIDANCE', '2022-01-03', '2022-01-09', '계도기간 (접종 후 180일 유효기간)', 'Guidance week (180-day expiry)', 'JTBC; KBS World', now()),
  ('COURT', '2022-01-04', null, '법원: 학원·독서실·스터디카페 방역패스 효력 정지', 'Court suspends the pass at academies, reading rooms, study cafés', 'Edaily 2022-01-04', now()),
  ('COVERAGE', '2022-01-10', null, '3,000㎡ 이상 대규모 점포 추가 (17종)', 'Stores of 3,000 m² or more added (17 types)', 'Metro Seoul', now()),
  ('COURT', '2022-01-14', null, '법원: 서울 대규모 점포·12~18세 효력 정지', 'Court suspends (Seoul) large stores and ages 12–18', 'Etoday 2022-01-14', now()),
  ('COVERAGE', '2022-01-18', null, '영화관·독서실·박물관·대형점포·학원·도서관 해제', 'Pass lifted for cinemas, reading rooms, museums, large stores, academies, libraries', 'Kyunghyang 2022-01-18', now()),
  ('PENALTY_CHANGE', '2022-02-09', null, '행정처분 기준 완화', 'Eased penalties', 'KHA news; Ilyo', now()),
  ('PASS_RULE', '2022-02-19', null, '출입명부 의무 중단 (QR은 방역패스 확인용)', 'Visitor-log mandate suspended; QR only to check passes', 'Newsis 2022-02-18', now()),
  ('PASS_SUSPENDED', '2022-03-01', null, '방역패스 전면 중단', 'Pass suspended entirely', 'Kukmin Ilbo; News1 2022-03-01', now());

insert into policy_event_revision (event_id, revision, kind, starts_on, ends_on, title_ko, title_en, source, changed_at, note)
select id, 0, kind, starts_on, ends_on, title_ko, title_en, source, updated_at, 'domain-rules.md' from policy_event;

create table incident (
    id           bigint generated always as identity primary key,
    version      int not null default 0,
    starts_at    timestamptz not null,
    ends_at      timestamptz,                          -- null while open
    note         varchar(500) not null,
    declared_at  timestamptz not null,
    declared_by  bigint references account(id),         -- null: seeded from the public record
    closed_at    timestamptz,
    closed_by    bigint references account(id),
    check (ends_at is null or ends_at > starts_at)
);
create index incident_window_idx on incident (starts_at, ends_at);

-- the scope: chosen 시도 and 시군구; none: nationwide
create table incident_sido (
    incident_id  bigint not null references incident(id),
    sido_code    varchar(10) not null references sido(code),
    primary key (incident_id, sido_code)
);
create table incident_sigungu (
    incident_id   bigint not null references incident(id),
    sigungu_code  varchar(10) not null references sigungu(code),
    primary key (incident_id, sigungu_code)
);

insert into incident (starts_at, ends_at, note, declared_at, closed_at) values
  ('2021-12-13 11:40+09', '2021-12-13 13:30+09', '접종증명 앱·QR 과부하 (점심)', '2021-12-13 11:40+09', '2021-12-13 13:30+09'),
  ('2021-12-13 18:00+09', '2021-12-13 19:00+09', '접종증명 앱·QR 과부하 (저녁)', '2021-12-13 18:00+09', '2021-12-13 19:00+09'),
  ('2021-12-14 11:40+09', '2021-12-14 12:17+09', '네이버 QR 장애', '2021-12-14 11:40+09', '2021-12-14 12:17+09');

-- a visit checked at the door while an incident was open: no QR, no personal data, the way the
-- operator checked, and the incident it happened in
alter table visit drop constraint visit_method_check;
alter table visit add constraint visit_method_check
    check (method in ('QR', 'CALL', 'HANDWRITTEN', 'DOOR_CHECK'));
alter table visit add column incident_id bigint references incident(id);
alter table visit add constraint visit_door_check_incident
    check (method <> 'DOOR_CHECK' or (incident_id is not null and check_method is not null));
