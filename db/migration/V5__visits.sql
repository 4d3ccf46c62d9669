-- V5__visits.sql
-- The trust list of pass issuers, the door devices of facilities, visit records and the
-- statistics of refused check-ins (counts only, no personal data).

create table pass_issuer (
    code        varchar(20) primary key,
    name_ko     varchar(60) not null,
    name_en     varchar(60) not null,
    sort_order  int not null
);

-- KI-PASS (Naver), Kakao, Toss, PASS and the government's COOV app issued pass QRs (domain-rules.md)
insert into pass_issuer (code, name_ko, name_en, sort_order) values
  ('KI_PASS', 'KI-PASS (네이버)', 'KI-PASS (Naver)', 1),
  ('KAKAO',   '카카오',          'Kakao',           2),
  ('TOSS',    '토스',            'Toss',            3),
  ('PASS',    'PASS',            'PASS',            4),
  ('COOV',    '쿠브 (COOV)',     'COOV',            5);

-- An issuer's EC P-256 public key. Keys are never deleted: a revoked key stays to explain old
-- answers. demo marks keys the embedded demo generated; they are trusted only in demo mode.
create table pass_issuer_key (
    kid          varchar(64) primary key check (kid ~ '^[A-Za-z0-9._-]{3,64}$'),
    issuer_code  varchar(20) not null references pass_issuer(code),
    public_key   text not null,
    valid_from   timestamptz not null,
    valid_until  timestamptz,
    revoked_at   timestamptz,
    revoked_by   bigint references account(id),
    demo         boolean not null default false,
    created_at   timestamptz not null,
    created_by   bigint references account(id),
    check (valid_until is null or valid_until > valid_from)
);
create index pass_issuer_key_issuer_idx on pass_issuer_key (issuer_code);

-- A door device's key: only its SHA-256 is stored; the owner sees the secret once.
create table device_key (
    id          bigint generated always as identity primary key,
    facility_id bigint not null references facility(id),
    label       varchar(60) not null,
    prefix      varchar(16) not null,
    secret_hash char(64) not null unique,
    created_at  timestamptz not null,
    created_by  bigint not null references account(id),
    revoked_at  timestamptz,
    revoked_by  bigint references account(id)
);
create index device_key_facility_idx on device_key (facility_id);

-- One visit. Names and phone numbers are AES-GCM ciphertexts (PersonalDataCipher); a QR visit
-- keeps only the issuer's pseudonymous holder id. Destroyed after 28 days (VisitRetention).
create table visit (
    id               bigint generated always as identity primary key,
    facility_id      bigint not null references facility(id),
    visited_at       timestamptz not null,
    method           varchar(12) not null check (method in ('QR', 'CALL', 'HANDWRITTEN')),
    outcome          varchar(12) not null check (outcome in ('PASS', 'EXEMPT', 'UNVERIFIED')),
    reason           varchar(30),
    issuer_code      varchar(20) references pass_issuer(code),
    holder_id        varchar(64),
    token_nonce      varchar(64),
    token_hash       char(64),
    external_ref     varchar(80),
    visitor_name     text,
    visitor_phone    text,
    safety_number    text,
    phone_last4      char(4),
    check_method     varchar(30) check (check_method in
                       ('PAPER_CERTIFICATE', 'SMS_CERTIFICATE', 'PCR_PAPER', 'EXEMPTION_CERTIFICATE', 'VERBAL')),
    checked_by       bigint references account(id),
    recorded_by      bigint references account(id),
    created_at       timestamptz not null,
    check (method <> 'QR' or (token_nonce is not null and holder_id is not null and outcome <> 'UNVERIFIED')),
    check (method = 'QR' or outcome = 'UNVERIFIED')
);
-- a nonce is good for one visit, across restarts and nodes
create unique index visit_token_nonce_key on visit (token_nonce) where token_nonce is not null;
-- a telephony provider's call id records one visit
create unique index visit_external_ref_key on visit (method, external_ref) where external_ref is not null;
create index visit_facility_time_idx on visit (facility_id, visited_at desc);
create index visit_time_idx on visit (visited_at);

-- Refused check-ins per day, facility (0 when unknown) and code: counts, never who.
create table checkin_denial (
    day          date not null,
    facility_id  bigint not null,
    code         varchar(30) not null,
    count        bigint not null,
    primary key (day, facility_id, code)
);
