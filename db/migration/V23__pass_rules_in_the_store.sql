-- V23__pass_rules_in_the_store.sql
-- The pass policy joins the store of dated policy (issue 17): a rule change of the calendar may
-- carry the pass rules in force from its day (how many days after the final dose a vaccination
-- counts, how long it stays valid, whether one unvaccinated person may dine in a group, from which
-- birth year a visitor is exempt as under-18); the pass's end (PASS_SUSPENDED) suspends the rules
-- in force. The values are those of the code table they replace (PassPolicyTable.STANDARD), with
-- its sources (domain-rules.md, "Who holds a valid pass" and "Calendar").

alter table policy_event
    add column days_after_final_dose    int,
    add column validity_days            int,      -- null: no expiry
    add column group_allowance          boolean,
    add column under_eighteen_born_from int;

alter table policy_event_revision
    add column days_after_final_dose    int,
    add column validity_days            int,
    add column group_allowance          boolean,
    add column under_eighteen_born_from int;

-- the pass from its first day: 14 days after the final dose, no expiry, one unvaccinated person
-- per dining group (Newsway 2021-11-08; KBS World 2021-12-06)
insert into policy_event (kind, starts_on, ends_on, title_ko, title_en, source, updated_at,
                          days_after_final_dose, validity_days, group_allowance,
                          under_eighteen_born_from)
values ('PASS_RULE', '2021-11-01', null, '방역패스 기준: 접종 완료 14일 후부터, 유효기간 없음',
        'Pass rules: in effect 14 days after the final dose, no expiry',
        'Newsway 2021-11-08; KBS World 2021-12-06', now(), 14, null, true, 2004);

-- restaurants and cafés: an unvaccinated person may only dine alone (KBS World; Dongjak-gu notice)
update policy_event
   set days_after_final_dose = 14, validity_days = null, group_allowance = false,
       under_eighteen_born_from = 2004
 where kind = 'PASS_RULE' and starts_on = '2021-12-18';

-- the primary series expires 180 days after it took effect (JTBC; KBS World)
insert into policy_event (kind, starts_on, ends_on, title_ko, title_en, source, updated_at,
                          days_after_final_dose, validity_days, group_allowance,
                          under_eighteen_born_from)
values ('PASS_RULE', '2022-01-03', null, '접종 유효기간 180일 적용 (추가접종 시 없음)',
        'Vaccination valid for 180 days (no expiry after a booster)', 'JTBC; KBS World', now(),
        14, 180, false, 2004);

insert into policy_event_revision (event_id, revision, kind, starts_on, ends_on, title_ko, title_en,
                                   source, changed_at, note)
select id, 0, kind, starts_on, ends_on, title_ko, title_en, source, updated_at, 'domain-rules.md'
  from policy_event e
 where kind = 'PASS_RULE' and starts_on in ('2021-11-01', '2022-01-03') and updated_by is null
   and not exists (select 1 from policy_event_revision r where r.event_id = e.id);

update policy_event_revision r
   set days_after_final_dose = e.days_after_final_dose, validity_days = e.validity_days,
       group_allowance = e.group_allowance, under_eighteen_born_from = e.under_eighteen_born_from
  from policy_event e
 where r.event_id = e.id and r.revision = 0 and r.changed_by is null and e.kind = 'PASS_RULE';

alter table policy_event
    add constraint policy_event_pass_rule_check check (
        (days_after_final_dose is null and validity_days is null and group_allowance is null
         and under_eighteen_born_from is null)
        or (kind = 'PASS_RULE' and days_after_final_dose >= 0
            and (validity_days is null or validity_days > 0)
            and group_allowance is not null and under_eighteen_born_from is not null));
