package kr.vaccinepass.portal.grace.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.grace.domain.CoveredCases;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceProgress;
import kr.vaccinepass.portal.grace.domain.GraceRepository;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PlainText;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Administrators declare grace periods (벌칙 유예) as one act and revoke them. The declaration is
 * stored at once; its waivers are applied (or undone) afterwards in batches by enforcement (its
 * answer to {@link GraceRunRequested}), and {@link #progress(long)} tells a polling page how far
 * that has come.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class GraceService {
  @Inject GraceRepository repository;
  @Inject CoveredCases cases;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Event<GraceRunRequested> runs;

  /**
   * Declares a grace period from {@code startsAt} (inclusive) to {@code endsAt} (exclusive); every
   * case it covers, already logged or logged later, is waived. The waivers of the cases already
   * logged follow in batches once this returns.
   */
  public GraceDeclaration declare(
      @NotNull(message = "{grace.start.required}") Instant startsAt,
      @NotNull(message = "{grace.end.required}") Instant endsAt,
      @NotNull(message = "{grace.kind.required}") GraceKind kind,
      @NotNull(message = "{grace.scope.required}") GraceScope scope,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.reason.tooLong}") @PlainText
          String reason,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.announcementRef.tooLong}") @SingleLine
          String announcementRef) {
    requireKnown(scope);
    GraceDeclaration declaration =
        repository.add(
            GraceDeclaration.declare(
                startsAt,
                endsAt,
                kind,
                scope,
                reason,
                announcementRef,
                clock.instant(),
                actors.require().accountId()));
    audit.record(
        AuditFact.change(AuditKind.GRACE_DECLARED, declaration.getId(), null).withReason(reason));
    runs.fire(new GraceRunRequested(declaration.getId()));
    return declaration;
  }

  /** Declares a grace period of one whole KST day, as {@link #declare} does. */
  public GraceDeclaration declareDay(
      @NotNull(message = "{grace.day.required}") LocalDate day,
      @NotNull(message = "{grace.kind.required}") GraceKind kind,
      @NotNull(message = "{grace.scope.required}") GraceScope scope,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.reason.tooLong}") @PlainText
          String reason,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.announcementRef.tooLong}") @SingleLine
          String announcementRef) {
    requireKnown(scope);
    GraceDeclaration declaration =
        repository.add(
            GraceDeclaration.wholeDay(
                day,
                kind,
                scope,
                reason,
                announcementRef,
                clock.instant(),
                actors.require().accountId()));
    audit.record(
        AuditFact.change(AuditKind.GRACE_DECLARED, declaration.getId(), null).withReason(reason));
    runs.fire(new GraceRunRequested(declaration.getId()));
    return declaration;
  }

  /**
   * What {@link #declare} would do now, with the same checks, without writing anything: the
   * declaration as it would be stored and the number of cases it would waive now.
   */
  public GracePreview preview(
      @NotNull(message = "{grace.start.required}") Instant startsAt,
      @NotNull(message = "{grace.end.required}") Instant endsAt,
      @NotNull(message = "{grace.kind.required}") GraceKind kind,
      @NotNull(message = "{grace.scope.required}") GraceScope scope,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.reason.tooLong}") @PlainText
          String reason,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.announcementRef.tooLong}") @SingleLine
          String announcementRef) {
    requireKnown(scope);
    return preview(
        GraceDeclaration.declare(
            startsAt,
            endsAt,
            kind,
            scope,
            reason,
            announcementRef,
            clock.instant(),
            actors.require().accountId()));
  }

  /** What {@link #declareDay} would do now, as {@link #preview} tells. */
  public GracePreview previewDay(
      @NotNull(message = "{grace.day.required}") LocalDate day,
      @NotNull(message = "{grace.kind.required}") GraceKind kind,
      @NotNull(message = "{grace.scope.required}") GraceScope scope,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.reason.tooLong}") @PlainText
          String reason,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.announcementRef.tooLong}") @SingleLine
          String announcementRef) {
    requireKnown(scope);
    return preview(
        GraceDeclaration.wholeDay(
            day,
            kind,
            scope,
            reason,
            announcementRef,
            clock.instant(),
            actors.require().accountId()));
  }

  /** The counts for a declaration that is not stored (and never will be, as this one). */
  private GracePreview preview(GraceDeclaration unsaved) {
    long toWaive = cases.countToWaive(unsaved);
    long covered = cases.countCovered(unsaved);
    return new GracePreview(
        unsaved.getStartsAt(),
        unsaved.getEndsAt(),
        unsaved.getKind(),
        unsaved.scope(),
        toWaive,
        Math.max(0, covered - toWaive));
  }

  /**
   * Revokes a declaration with the reason: from now on it covers nothing; its waivers are undone in
   * batches, and each case returns to where it was unless another active declaration still holds
   * it.
   */
  public GraceDeclaration revoke(
      long id,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.revokeReason.tooLong}") @PlainText
          String revokeReason) {
    GraceDeclaration declaration =
        repository.lock(id).orElseThrow(() -> new NotFoundException("grace.notFound"));
    declaration.revoke(revokeReason, clock.instant(), actors.require().accountId());
    audit.record(AuditFact.change(AuditKind.GRACE_REVOKED, id, null).withReason(revokeReason));
    runs.fire(new GraceRunRequested(id));
    return declaration;
  }

  /**
   * Starts the pending batch work of a declaration again (after a failure was logged, say); a
   * declaration with nothing pending is left as it is.
   */
  public GraceProgress retry(long id) {
    GraceDeclaration declaration = declaration(id);
    if (!declaration.getStatus().settled()) {
      audit.record(AuditFact.change(AuditKind.GRACE_RETRIED, id, null));
      runs.fire(new GraceRunRequested(id));
    }
    return declaration.progress();
  }

  /** How far the declaration's batch work has come. */
  public GraceProgress progress(long id) {
    return declaration(id).progress();
  }

  /** Every declaration, the newest first. */
  public List<GraceDeclaration> declarations() {
    return repository.all();
  }

  public GraceDeclaration declaration(long id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("grace.notFound"));
  }

  private void requireKnown(GraceScope scope) {
    if (scope == null) {
      return;
    }
    requireNone(repository.unknownSido(scope.sidoCodes()), "sidoCodes", "grace.scope.unknownSido");
    requireNone(
        repository.unknownSigungu(scope.sigunguCodes()),
        "sigunguCodes",
        "grace.scope.unknownSigungu");
    requireNone(repository.unknownTypes(scope.typeCodes()), "typeCodes", "grace.scope.unknownType");
  }

  private static void requireNone(Set<String> unknown, String field, String key) {
    if (!unknown.isEmpty()) {
      throw BusinessException.onField(field, key, String.join(", ", unknown));
    }
  }
}
