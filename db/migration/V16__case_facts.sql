-- V16__case_facts.sql
-- A case keeps the facts of its day: the facility's name, type, business number and address, and
-- its operator (the party of an operator's case), as they were when the violation was logged.
-- The jurisdiction was already the case's own (violation.sigungu_code, from its inspection).
-- Existing cases take the facility's current row, the best record there is of their day.

alter table violation
    add column facility_name            varchar(100),
    add column facility_type_code       varchar(40) references facility_type(code),
    add column facility_business_number char(10),
    add column facility_road_address    varchar(200),
    add column operator_id              bigint references account(id),
    add column operator_name            varchar(60);

update violation v
   set facility_name            = f.name,
       facility_type_code       = f.type_code,
       facility_business_number = f.business_number,
       facility_road_address    = f.road_address,
       operator_id              = f.owner_id,
       operator_name            = a.display_name
  from facility f
  join account a on a.id = f.owner_id
 where f.id = v.facility_id;

alter table violation
    alter column facility_name            set not null,
    alter column facility_type_code       set not null,
    alter column facility_business_number set not null,
    alter column facility_road_address    set not null,
    alter column operator_id              set not null,
    alter column operator_name            set not null;

-- the inspector's history of a facility is the history their own 시군구 made there
create index inspection_facility_sigungu_idx on inspection (facility_id, sigungu_code);
