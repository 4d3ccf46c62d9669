-- V4__facilities.sql
-- Facilities registered by owners. Each gets a unique 080 안심콜 number from a sequence.

create sequence safe_call_number_seq start with 1000000 minvalue 1000000 maxvalue 9999999 no cycle;

create table facility (
    id                bigint generated always as identity primary key,
    version           int not null default 0,
    owner_id          bigint not null references account(id),
    name              varchar(100) not null,
    type_code         varchar(40) not null references facility_type(code),
    business_number   char(10) not null,
    sigungu_code      varchar(10) not null references sigungu(code),
    road_address      varchar(200) not null,
    floor_area_m2     numeric(12, 2) check (floor_area_m2 is null or floor_area_m2 > 0),
    capacity          int check (capacity is null or capacity > 0),
    safe_call_number  varchar(13) not null,
    status            varchar(16) not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint facility_business_number_key unique (business_number),
    constraint facility_safe_call_number_key unique (safe_call_number),
    constraint facility_business_number_digits check (business_number ~ '^[0-9]{10}$')
);
create index facility_owner_idx on facility (owner_id);
create index facility_sigungu_idx on facility (sigungu_code);
create index facility_type_idx on facility (type_code);
