-- V31__row_keys_for_sealed_fields.sql
-- Each row that holds personal data gets a random key of its own (issue 18): the AES-GCM associated
-- data of its sealed fields names the field and this key (shared.domain.FieldSeals), so a value
-- copied to another row, or to another column, no longer decrypts. V32 re-seals the values stored
-- before. gen_random_uuid() is built into PostgreSQL 13 and later.
alter table account add column row_key uuid not null default gen_random_uuid();
alter table violation add column row_key uuid not null default gen_random_uuid();
alter table visit add column row_key uuid not null default gen_random_uuid();

-- The trace reads a facility's visits from its index alone (V30): the row key, which a trace
-- selects to open the sealed fields, belongs in the index too.
drop index visit_facility_time_idx;
create index visit_facility_time_idx on visit (facility_id, visited_at desc)
    include (method, issuer_code, holder_id, visitor_name, visitor_phone, safety_number, row_key);
