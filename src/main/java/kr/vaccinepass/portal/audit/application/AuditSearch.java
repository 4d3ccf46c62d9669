package kr.vaccinepass.portal.audit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import kr.vaccinepass.portal.audit.domain.AccountNames;
import kr.vaccinepass.portal.audit.domain.AuditChain;
import kr.vaccinepass.portal.audit.domain.AuditEntry;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditFilter;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.AuditRepository;
import kr.vaccinepass.portal.audit.domain.FacilityNames;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * The administrator's view of the trail: a page of entries by person, action, object and days,
 * every matching entry for the export (itself written to the trail), and the check of the chain.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class AuditSearch {
  /** An export holds at most this many entries; a narrower filter gives the rest. */
  public static final int EXPORT_MAX = 100_000;

  @Inject AuditRepository repository;
  @Inject AccountNames accounts;
  @Inject FacilityNames facilities;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  /** The portal's today (KST), which names an export. */
  public LocalDate today() {
    return clock.instant().atZone(Kst.ZONE).toLocalDate();
  }

  public List<AuditRow> page(@NotNull @Valid AuditQuery query, @NotNull PageRequest page) {
    Optional<AuditFilter> filter = filter(query);
    return filter.isEmpty() ? List.of() : rows(repository.list(filter.get(), page));
  }

  public long count(@NotNull @Valid AuditQuery query) {
    return filter(query).map(repository::count).orElse(0L);
  }

  /** Every entry the query selects, newest first, for the export; the export is recorded. */
  public List<AuditRow> export(@NotNull @Valid AuditQuery query) {
    Optional<AuditFilter> filter = filter(query);
    if (filter.isEmpty()) {
      return List.of();
    }
    long count = repository.count(filter.get());
    if (count > EXPORT_MAX) {
      throw new BusinessException("audit.export.tooMany", null, count, EXPORT_MAX);
    }
    trail.record(AuditFact.read(AuditKind.AUDIT_EXPORTED, null, null));
    List<AuditRow> rows = new ArrayList<>();
    for (int offset = 0; offset < count; offset += PageRequest.MAX_SIZE) {
      rows.addAll(
          rows(
              repository.list(
                  filter.get(), new PageRequest(offset, PageRequest.MAX_SIZE, null, false))));
    }
    return rows;
  }

  /** Checks the whole chain, in order. */
  public AuditChain.Verdict verify() {
    AuditChain.Checker checker = new AuditChain.Checker();
    Consumer<AuditEntry> each = checker::accept;
    repository.inOrder(each);
    return checker.verdict();
  }

  private Optional<AuditFilter> filter(AuditQuery q) {
    Long actor = null;
    if (q.personEmail() != null && !q.personEmail().isBlank()) {
      Optional<Long> found = accounts.byEmail(q.personEmail().strip());
      if (found.isEmpty()) {
        return Optional.empty();
      }
      actor = found.get();
    }
    if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
      throw BusinessException.onField("to", "audit.filter.rangeInvalid");
    }
    String object = q.objectId() == null || q.objectId().isBlank() ? null : q.objectId().strip();
    return Optional.of(
        new AuditFilter(
            actor,
            q.kind(),
            q.subject(),
            object,
            null,
            q.from() == null ? null : q.from().atStartOfDay(Kst.ZONE).toInstant(),
            q.to() == null ? null : q.to().plusDays(1).atStartOfDay(Kst.ZONE).toInstant()));
  }

  private List<AuditRow> rows(List<AuditEntry> entries) {
    Map<Long, String> people =
        accounts.of(entries.stream().map(AuditEntry::getActorId).filter(Objects::nonNull).toList());
    Map<Long, String> places =
        facilities.of(
            entries.stream().map(AuditEntry::getFacilityId).filter(Objects::nonNull).toList());
    return entries.stream()
        .map(
            e ->
                new AuditRow(
                    e,
                    e.getActorId() == null ? null : people.get(e.getActorId()),
                    e.getFacilityId() == null ? null : places.get(e.getFacilityId())))
        .toList();
  }
}
