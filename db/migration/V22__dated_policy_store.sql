-- V22__dated_policy_store.sql
-- The enforcement calendar becomes the one store of the dated policy the rules follow (issue 17):
-- a guidance period names the facility types and the cause it covers, a penalty change carries its
-- schedule (the visitor's fine and the operator's rows), and every change of the store has a
-- revision number, which a violation keeps as the policy it was judged by. Until now these rows
-- were written twice, here and in code (GuidancePeriods, PenaltySchedules); the code's tables are
-- gone and the values below are theirs, with the same sources (domain-rules.md).

create sequence policy_store_revision start with 2;  -- 1: the store as the migrations seeded it

alter table policy_event
    add column type_codes        varchar(40)[] not null default '{}',  -- GUIDANCE: empty = all types
    add column cause             varchar(30),                          -- GUIDANCE: null = all causes
    add column schedule_name     varchar(20),                          -- PENALTY_CHANGE
    add column visitor_fine      bigint,                               -- PENALTY_CHANGE, won
    add column operator_fines    bigint[],                             -- PENALTY_CHANGE, won, 1st, 2nd …
    add column operator_sanctions varchar(20)[],                       -- NONE, WARNING, CLOSURE, P10D, P3M …
    add column store_revision    bigint not null default 1;

alter table policy_event_revision
    add column type_codes        varchar(40)[] not null default '{}',
    add column cause             varchar(30),
    add column schedule_name     varchar(20),
    add column visitor_fine      bigint,
    add column operator_fines    bigint[],
    add column operator_sanctions varchar(20)[],
    add column store_revision    bigint not null default 1;

-- the guidance periods, with what each covered (Newsway 2021-11-08; News1·동아일보 2021-12-14;
-- Metro Seoul; JTBC; KBS World)
update policy_event set type_codes = '{ENTERTAINMENT,KARAOKE,BATHHOUSE,RACING_CASINO}'
 where kind = 'GUIDANCE' and starts_on = '2021-11-01' and ends_on = '2021-11-07';
update policy_event set type_codes = '{INDOOR_SPORTS}'
 where kind = 'GUIDANCE' and starts_on = '2021-11-01' and ends_on = '2021-11-13';
update policy_event set type_codes = '{RESTAURANT_CAFE,ACADEMY,CINEMA_THEATER,READING_ROOM,MULTI_ROOM,PC_ROOM,STADIUM_INDOOR,MUSEUM_GALLERY,PARTY_ROOM,LIBRARY,MASSAGE}'
 where kind = 'GUIDANCE' and starts_on = '2021-12-06';
update policy_event set cause = 'PASS_EXPIRED_180_DAYS'
 where kind = 'GUIDANCE' and starts_on = '2022-01-03';

-- the eased penalties of 2022-02-09 (KHA news; Ilyo): one outlet reported 1,000,000 won for the
-- first violation, we follow KHA news and Ilyo
update policy_event
   set schedule_name = '2022-02', visitor_fine = 100000,
       operator_fines = '{500000,1000000,2000000,2000000,2000000}',
       operator_sanctions = '{WARNING,P10D,P20D,P3M,CLOSURE}'
 where kind = 'PENALTY_CHANGE' and starts_on = '2022-02-09';

-- the penalties from the start of the pass, which the calendar did not show until now
-- (News1·동아일보 2021-12-14; Newsway 2021-11-08; KB Maeil 2021-11-15)
insert into policy_event (kind, starts_on, ends_on, title_ko, title_en, source, updated_at,
                          schedule_name, visitor_fine, operator_fines, operator_sanctions)
values ('PENALTY_CHANGE', '2021-11-01', null, '과태료·행정처분 기준 시행', 'Fines and sanctions take effect',
        'News1·동아일보 2021-12-14; Newsway 2021-11-08; KB Maeil 2021-11-15', now(),
        '2021-11', 100000, '{1500000,3000000,3000000,3000000}', '{P10D,P20D,P3M,CLOSURE}');
insert into policy_event_revision (event_id, revision, kind, starts_on, ends_on, title_ko, title_en,
                                   source, changed_at, note)
select id, 0, kind, starts_on, ends_on, title_ko, title_en, source, updated_at, 'domain-rules.md'
  from policy_event where kind = 'PENALTY_CHANGE' and starts_on = '2021-11-01';

-- each revision row as its event stood (only events no administrator has changed: seeded revision 0)
update policy_event_revision r
   set type_codes = e.type_codes, cause = e.cause, schedule_name = e.schedule_name,
       visitor_fine = e.visitor_fine, operator_fines = e.operator_fines,
       operator_sanctions = e.operator_sanctions
  from policy_event e
 where r.event_id = e.id and r.revision = 0 and r.changed_by is null;

-- what each kind of event must say, now that the seeded rows say it
alter table policy_event
    add constraint policy_event_cause_check check (cause is null or cause in ('NO_VALID_PASS',
        'PASS_EXPIRED_180_DAYS', 'VERIFICATION_SYSTEM_DOWN')),
    add constraint policy_event_penalty_check check (kind <> 'PENALTY_CHANGE' or (
        schedule_name is not null and visitor_fine >= 0 and cardinality(operator_fines) >= 1
        and cardinality(operator_fines) = cardinality(operator_sanctions))),
    add constraint policy_event_guidance_check check (kind <> 'GUIDANCE' or ends_on is not null);

-- a violation keeps the revision of the store its penalty was decided by; those logged before the
-- store existed were decided by the tables the seed equals
alter table violation add column policy_revision bigint not null default 1;
alter table violation alter column policy_revision drop default;
