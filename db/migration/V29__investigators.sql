-- V29__investigators.sql
-- Epidemiological investigators (역학조사관, issue 18): an account of a health authority, which is a
-- 시도 or a 시군구 (its code in health_authority_code; the application checks that the code is one of
-- them). Investigators trace visits; they have no jurisdiction over enforcement.
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check
    check (role in ('OWNER', 'INSPECTOR', 'ADMIN', 'INVESTIGATOR'));
alter table account add column health_authority_code varchar(10);
alter table account add constraint account_investigator_has_authority
    check ((role = 'INVESTIGATOR') = (health_authority_code is not null));
