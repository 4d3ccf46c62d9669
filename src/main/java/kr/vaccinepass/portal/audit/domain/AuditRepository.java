package kr.vaccinepass.portal.audit.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** The trail: appended to, searched, read in order for the check of its chain. */
public interface AuditRepository {
  /** An entry taken when its read or change happened, to be appended when its transaction ends. */
  record Pending(Instant at, AuditActor who, AuditFact what) {}

  /**
   * Appends entries after the last one, in the current transaction. Appends wait for each other
   * until the appending transaction ends, so that the chain has one order; a rolled-back append
   * leaves no gap.
   */
  void append(List<Pending> entries);

  List<AuditEntry> list(AuditFilter filter, PageRequest page);

  long count(AuditFilter filter);

  /** Every entry in sequence order, a batch at a time. */
  void inOrder(Consumer<AuditEntry> each);

  /** The reads of visit records of these facilities by anyone but this account, newest first. */
  List<AuditEntry> visitRecordReads(Collection<Long> facilityIds, long notBy, PageRequest page);

  long countVisitRecordReads(Collection<Long> facilityIds, long notBy);

  /**
   * Deletes the entries the database took more than {@link #RETENTION_DAYS} days ago (by its own
   * clock; the table refuses to delete any younger one); how many.
   */
  int pruneExpired();

  /** Audit entries are kept a year and a day, far longer than the 28 days of the visits. */
  int RETENTION_DAYS = 366;
}
