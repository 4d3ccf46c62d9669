-- V25__gapless_calendar_revisions.sql
-- The calendar's revision numbers were taken from a sequence (V22), which a refused change used up
-- too: cases could name a revision that never existed. The next revision is now the highest one
-- plus one, taken under a transaction-level advisory lock in the changing transaction
-- (JpaPolicyEventRepository.nextRevision), so the sequence goes.
drop sequence policy_store_revision;
