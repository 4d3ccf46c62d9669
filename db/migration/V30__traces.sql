-- V30__traces.sql
-- Epidemiological traces (issue 18, docs/security.md "Traces"): an investigator's request with its
-- legal basis, case reference, what it traces (a facility, or a confirmed visitor's pseudonymous
-- holder id with its issuer) and the window. No result is stored: the visits are read again each
-- time, and a trace is destroyed with them, on day D+29 for a trace made on day D
-- (visit.application.VisitRetention).
create table trace (
    id               bigint generated always as identity primary key,
    investigator_id  bigint not null references account(id),
    authority_code   varchar(10) not null,   -- the investigator's health authority then
    basis            varchar(20) not null check (basis in ('ARTICLE_18', 'ARTICLE_76_2', 'ARTICLE_49')),
    case_ref         varchar(60) not null,
    facility_id      bigint references facility(id),
    issuer_code      varchar(20) references pass_issuer(code),
    holder_id        varchar(64),
    window_from      timestamptz not null,
    window_to        timestamptz not null,
    out_of_region    boolean not null,
    reason           varchar(500),
    created_at       timestamptz not null,
    check ((facility_id is null) <> (holder_id is null)),
    check ((holder_id is null) = (issuer_code is null)),
    check (window_to > window_from),
    check (not out_of_region or reason is not null)
);
create index trace_investigator_idx on trace (investigator_id, created_at desc);
create index trace_out_of_region_idx on trace (created_at desc) where out_of_region;
create index trace_created_idx on trace (created_at);

-- a confirmed visitor's other visits: by holder id (one index per day partition)
create index visit_holder_time_idx on visit (holder_id, visited_at) where holder_id is not null;

-- A trace reads every visit of one facility in a window (TraceQueries: VISITS_AT, and the
-- co-visitors of AROUND_VISITS_OF), and a facility's visits lie one to a heap page among everyone
-- else's: through (facility_id, visited_at) alone that is a page read per row, so a facility ten
-- times as busy costs ten times as much. The facility index carries the columns a trace shows, and
-- a trace reads them from a few leaf pages (index-only; docs/benchmarks.md, "Traces at 1M and 10M
-- visits"). Same key, same name, so the owner's page and count use it as before.
drop index visit_facility_time_idx;
create index visit_facility_time_idx on visit (facility_id, visited_at desc)
    include (method, issuer_code, holder_id, visitor_name, visitor_phone, safety_number);
