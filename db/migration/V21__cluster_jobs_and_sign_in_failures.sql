-- V21__cluster_jobs_and_sign_in_failures.sql
-- What a cluster of portal nodes shares through PostgreSQL (docs/operations.md, "The cluster").

-- Scheduled work that runs once per cluster (shared.infrastructure.ClusterJobs): every node looks
-- each minute; the node that locks a job's row (select ... for update skip locked) and finds it due
-- runs it while holding the lock, then records the run. A node that dies mid-run loses its
-- connection, its transaction ends, the row is free again and another node takes the job.
create table cluster_job (
    name         varchar(40) primary key,
    last_run_at  timestamptz,               -- the database's clock when the last run ended
    last_node    varchar(80)                -- which node ran it (jboss.node.name)
);

-- Failed sign-ins, counted by every node alike (identity.application.LoginThrottle). The key is a
-- SHA-256 of "account|address" or of the address alone: no e-mail address or IP is stored in the
-- clear. Rows older than the throttle's window are of no use and are deleted as they are met.
create table sign_in_failure (
    key_hash   char(64) not null,
    failed_at  timestamptz not null
);
create index sign_in_failure_key_idx on sign_in_failure (key_hash, failed_at);
create index sign_in_failure_at_idx on sign_in_failure (failed_at);
