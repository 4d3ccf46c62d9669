-- V17__waiver_reasons_without_ids.sql
-- A waived case's history read "[grace 4] <the declaration's reason>" (and "[grace 4 revoked] …"
-- for a restoration); owners and inspectors read that reason, and users never see database ids.
-- From now on the declaration writes its own words only (GraceDeclaration.waiverReason); the
-- steps written before lose the prefix. Which declaration holds a case stays recorded by
-- grace_waiver.
update fine_transition
   set reason = regexp_replace(reason, '^\[grace [0-9]+( revoked)?\] ?', '')
 where reason ~ '^\[grace [0-9]+( revoked)?\]';

-- and the reason a waived case shows (V13 filled it from the history, prefix included)
update fine_case
   set waiver_reason = regexp_replace(waiver_reason, '^\[grace [0-9]+( revoked)?\] ?', '')
 where waiver_reason ~ '^\[grace [0-9]+( revoked)?\]';
