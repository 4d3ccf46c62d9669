-- V13__grace_holds.sql
-- Overlapping grace declarations (issue 14): a waived case shows the reason of the declaration
-- that holds it now (after a revocation, the one that still holds it), and its history records
-- each further hold and each release by a revoked declaration as a step that keeps the state.

alter table fine_case add column waiver_reason varchar(500);

-- the cases waived today keep the reason they were waived with
update fine_case f set waiver_reason = (
    select t.reason from fine_transition t
    where t.fine_case_id = f.id and t.to_state = 'WAIVED'
    order by t.step desc limit 1)
where f.state = 'WAIVED';

alter table fine_transition add column event varchar(20)
    check (event in ('GRACE_HOLD', 'GRACE_RELEASE'));
