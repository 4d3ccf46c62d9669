-- V8__evidence.sql
-- Photos an inspector attaches to a violation, with a description. Images only (JPEG, PNG, WebP,
-- recognised by their bytes), at most 5 MB each; kept in PostgreSQL with their SHA-256.

create table evidence (
    id            bigint generated always as identity primary key,
    violation_id  bigint not null references violation(id),
    content_type  varchar(20) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes    int not null check (size_bytes > 0 and size_bytes <= 5242880),
    sha256        char(64) not null,
    content       bytea not null,
    description   varchar(500),
    created_at    timestamptz not null,
    created_by    bigint not null references account(id),
    unique (violation_id, sha256)
);
create index evidence_violation_idx on evidence (violation_id);
