-- V28__audit_trail.sql
-- The audit trail (audit feature, docs/security.md "The audit trail"): who read personal data or
-- changed something that matters, when, from where, what and why. An entry names objects and
-- fields, never the personal data itself.
--
-- Append-only, three ways over:
--  * the entries form a hash chain: each entry's hash covers its own fields and the hash of the
--    entry before it (audit.domain.AuditChain), so an altered or removed row breaks the chain at
--    that row, whoever altered it;
--  * a trigger refuses every UPDATE and TRUNCATE, and a DELETE of an entry younger than the
--    retention (one year and a day): it binds every user, the table's owner and a superuser too;
--  * the privileges to update, delete and truncate are revoked from everyone, the application's
--    own database user included where it is not a superuser.
create table audit_entry (
    seq           bigint primary key,          -- gapless, in the order of the chain
    at            timestamptz not null,        -- the portal's clock, to the microsecond
    actor_id      bigint,                      -- the account; null for the portal itself
    actor_role    varchar(20),                 -- the role the account had then
    authority     varchar(10),                 -- the 시군구 or 시도 code the account acted for
    address       varchar(64),                 -- the client's address (behind trusted proxies)
    kind          varchar(40) not null,        -- audit.domain.AuditKind
    object_id     varchar(64),                 -- the object's id within the kind's subject
    facility_id   bigint,                      -- the facility whose data was read or changed
    fields        varchar(200),                -- for reads: which personal fields were shown
    detail        varchar(60),                 -- e.g. the fine step taken
    reason        varchar(500),                -- why, where the person gave a reason
    prev_hash     char(64) not null,
    hash          char(64) not null unique,
    recorded_at   timestamptz not null         -- the database's clock, set by the insert trigger
);
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_actor_idx on audit_entry (actor_id, at);
create index audit_entry_facility_idx on audit_entry (facility_id, at) where facility_id is not null;
create index audit_entry_kind_idx on audit_entry (kind, at);

-- the retention counts from when the database took the entry, not from the portal's clock (which a
-- demo or a test may set years back)
create function audit_entry_recorded() returns trigger language plpgsql as $$
begin
    new.recorded_at := now();
    return new;
end;
$$;

create trigger audit_entry_recorded
    before insert on audit_entry
    for each row execute function audit_entry_recorded();

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.recorded_at < now() - interval '366 days' then
        return old; -- past its retention: the yearly prune (audit.application.AuditRetention)
    end if;
    raise exception 'audit entries are append-only (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_change
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

revoke update, truncate on audit_entry from public;
do $$
begin
    if not (select rolsuper from pg_roles where rolname = current_user) then
        -- the owner keeps insert and select; delete stays for the prune, which the trigger limits
        execute format('revoke update, truncate on audit_entry from %I', current_user);
    end if;
end;
$$;
