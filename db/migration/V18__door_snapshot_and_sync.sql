-- V18__door_snapshot_and_sync.sql
-- The door app's server side (docs/door.md): the portal's own P-256 key that signs the trust-list
-- snapshots doors download, the mark on visits verified at the door, and the door's sync records.

-- One row: the key every node signs snapshots with (unless portal.door.signingKey is configured).
-- The private half is a PersonalDataCipher ciphertext (portal.data.keys) of its base64 PKCS#8.
create table portal_signing_key (
    id           smallint primary key default 1 check (id = 1),   -- one key for every node
    kid          varchar(64) not null unique,
    public_key   text not null,                 -- base64 X.509 SPKI
    private_key  text not null,                 -- encrypted base64 PKCS#8
    created_at   timestamptz not null
);

-- A visit the door admitted from its own verification and sent later; its server's disagreement
-- (the server's refusal code) when the server, verifying again as of the visit's time, said no.
alter table visit add column door_verified boolean not null default false;
alter table visit add column door_disagreement varchar(30);

-- Every record a door sent, once per (facility, the door's record id): the answer given to it,
-- so that the same batch sent again stores nothing twice and answers the same. No personal data:
-- the token's nonce and digest only.
create table door_record (
    facility_id   bigint not null references facility(id),
    record_id     varchar(64) not null,
    token_nonce   varchar(64),
    token_hash    char(64),
    happened_at   timestamptz not null,
    door_code     varchar(30) not null,
    status        varchar(12) not null
                  check (status in ('STORED', 'DUPLICATE', 'REPLAY', 'DISAGREEMENT', 'REFUSED')),
    server_code   varchar(30) not null,
    reason        varchar(30),
    visit_id      bigint,
    flagged       boolean not null,
    synced_at     timestamptz not null,
    primary key (facility_id, record_id)
);
create index door_record_nonce_idx on door_record (token_nonce) where token_nonce is not null;
create index door_record_time_idx on door_record (happened_at);
