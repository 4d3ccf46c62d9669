-- V20__door_state.sql
-- What each paired door last reported of itself (docs/door.md, "Door state"): one row per device
-- key, written by the door's heartbeat (PUT /api/v1/door/state, every 30 s) as one upsert. The
-- owner sees it on the devices page; administrators count doors per 시군구 on their dashboard.
-- No personal data: a mode, a count and instants.
create table door_state (
    device_key_id      bigint primary key references device_key(id),
    last_seen_at       timestamptz not null,            -- the server's clock when it arrived
    mode               varchar(12) not null
                       check (mode in ('ONLINE', 'DEGRADED', 'OFFLINE', 'DOOR_FIRST')),
    queued             int not null check (queued >= 0),
    oldest_queued_at   timestamptz,
    snapshot_issued_at timestamptz,
    clock_offset_ms    bigint
);
-- the administrators' count per region reads the doors seen in the last 24 hours
create index door_state_seen_idx on door_state (last_seen_at);

-- A door that unpairs itself revokes its key with no account: revoked_by stays null then.
comment on column device_key.revoked_by is
    'the account that revoked the key; null with revoked_at set: the door unpaired itself';
