-- V9__violation_cause_objection_day.sql
-- Why the pass was not in order (guidance periods and grace declarations may cover only some
-- causes), and the day an objection letter was received, from which the 14-day referral deadline
-- runs (질서위반행위규제법 Art. 21). Earlier rows: no valid pass; the objection's recording day.

alter table violation add column cause varchar(30) not null default 'NO_VALID_PASS'
    check (cause in ('NO_VALID_PASS', 'PASS_EXPIRED_180_DAYS', 'VERIFICATION_SYSTEM_DOWN'));
alter table violation alter column cause drop default;

alter table fine_case add column objection_received_on date;
update fine_case f set objection_received_on = (
    select (t.at at time zone 'Asia/Seoul')::date from fine_transition t
     where t.fine_case_id = f.id and t.to_state = 'OBJECTED' and t.from_state <> 'OBJECTED'
     order by t.step desc limit 1)
 where f.state in ('OBJECTED', 'REFERRED')
    or (f.state = 'WAIVED' and f.state_before_waiver in ('OBJECTED', 'REFERRED'));
