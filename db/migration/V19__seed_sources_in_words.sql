-- V19__seed_sources_in_words.sql
-- The seed rows named their source with a phrase of the project's notes ("seed news"), which the
-- administrator's grace list and calendar showed as it was. Users read the sources in words: the
-- two reports of 2021-12-14 that the phrase stands for (News1 and the Dong-A Ilbo). Only rows the
-- migrations wrote are touched (no declaring or changing account); an administrator's own words
-- are never rewritten.
update grace_declaration
   set announcement_ref = replace(announcement_ref, 'seed news: News1, 동아일보 2021-12-14',
                                  '정부 발표 보도(News1, 동아일보 2021-12-14)')
 where declared_by is null and announcement_ref like 'seed news:%';

update policy_event
   set source = replace(source, 'seed news', 'News1·동아일보 2021-12-14')
 where updated_by is null and source like '%seed news%';

update policy_event_revision
   set source = replace(source, 'seed news', 'News1·동아일보 2021-12-14')
 where changed_by is null and source like '%seed news%';
