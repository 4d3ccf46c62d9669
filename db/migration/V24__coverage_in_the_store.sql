-- V24__coverage_in_the_store.sql
-- Which facility types the pass covered, and when, becomes part of the one store of dated policy
-- (issue 17): a coverage event of the calendar names the types it adds to the pass or lifts from
-- it, a court ruling the types it suspended nationwide, and the end of the pass ends every
-- coverage. facility_type_coverage, until now a table of its own (V2) that no administrator could
-- correct, becomes a view of the calendar with the same columns, so the rules, the door's snapshot
-- and the catalogue read the calendar. The rows below are V2's, by the events that say them.

alter table policy_event add column lifts boolean not null default false;
alter table policy_event_revision add column lifts boolean not null default false;

-- the first five types (Newsway 2021-11-08)
update policy_event set type_codes = '{ENTERTAINMENT,KARAOKE,INDOOR_SPORTS,BATHHOUSE,RACING_CASINO}'
 where kind = 'COVERAGE' and starts_on = '2021-11-01';
-- eleven more (News1·동아일보 2021-12-14; Metro Seoul)
update policy_event set type_codes = '{RESTAURANT_CAFE,ACADEMY,CINEMA_THEATER,READING_ROOM,MULTI_ROOM,PC_ROOM,STADIUM_INDOOR,MUSEUM_GALLERY,PARTY_ROOM,LIBRARY,MASSAGE}'
 where kind = 'COVERAGE' and starts_on = '2021-12-06';
-- stores of 3,000 m² or more (Metro Seoul)
update policy_event set type_codes = '{LARGE_STORE}'
 where kind = 'COVERAGE' and starts_on = '2022-01-10';
-- the court suspends the pass at academies and reading rooms (study cafés are reading rooms here)
-- (Edaily 2022-01-04)
update policy_event set type_codes = '{ACADEMY,READING_ROOM}', lifts = true
 where kind = 'COURT' and starts_on = '2022-01-04';
-- lifted at cinemas, reading rooms, museums, large stores, academies, libraries (Kyunghyang
-- 2022-01-18)
update policy_event
   set type_codes = '{CINEMA_THEATER,READING_ROOM,MUSEUM_GALLERY,LARGE_STORE,ACADEMY,LIBRARY}',
       lifts = true
 where kind = 'COVERAGE' and starts_on = '2022-01-18';

update policy_event_revision r
   set type_codes = e.type_codes, lifts = e.lifts
  from policy_event e
 where r.event_id = e.id and r.revision = 0 and r.changed_by is null
   and e.kind in ('COVERAGE', 'COURT');

alter table policy_event
    add constraint policy_event_coverage_check check (kind <> 'COVERAGE' or cardinality(type_codes) >= 1),
    add constraint policy_event_lifts_check check (not lifts or kind in ('COVERAGE', 'COURT'));

-- every stretch of coverage: from a coverage event that adds the type, until the first later event
-- that lifts it (a coverage event or a court ruling) or ends the pass; times at KST midnight, the
-- end exclusive, as V2 kept them
drop table facility_type_coverage;
create view facility_type_coverage as
select t.type_code,
       (e.starts_on::timestamp at time zone 'Asia/Seoul') as covered_from,
       (select min(x.starts_on) from policy_event x
         where x.starts_on > e.starts_on
           and (x.kind = 'PASS_SUSPENDED'
                or (x.lifts and t.type_code = any (x.type_codes))))::timestamp
         at time zone 'Asia/Seoul' as covered_until,
       e.source
  from policy_event e
 cross join lateral unnest(e.type_codes) as t(type_code)
 where e.kind = 'COVERAGE' and not e.lifts;
