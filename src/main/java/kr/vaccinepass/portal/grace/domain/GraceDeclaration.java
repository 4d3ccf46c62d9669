package kr.vaccinepass.portal.grace.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * A grace period (벌칙 유예) declared as one act: the cases of its window, in its scope, of the causes
 * its kind names, are closed without a fine, with its reason; revoked, they return to where they
 * were (질서위반행위규제법; domain-rules.md, "How an administrative fine proceeds", step 5). The window is
 * absolute time, start inclusive, end exclusive; a whole day is a Kst.ZONE day. The waivers
 * themselves are applied and undone in batches (the application layer); the declaration records the
 * phase.
 */
@Entity
@Table(name = "grace_declaration")
public class GraceDeclaration implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The longest reason, revocation reason and announcement reference. */
  public static final int TEXT_MAX = 300;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "starts_at", nullable = false, updatable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false, updatable = false)
  private Instant endsAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private GraceKind kind;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "announcement_ref", updatable = false)
  private String announcementRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private GraceStatus status;

  @Column(name = "declared_at", nullable = false, updatable = false)
  private Instant declaredAt;

  @Column(name = "declared_by", updatable = false)
  private Long declaredBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private Long revokedBy;

  @Column(name = "revoke_reason")
  private String revokeReason;

  @Column(name = "covered_count", nullable = false)
  private long coveredCount;

  @Column(name = "progress_total", nullable = false)
  private long progressTotal;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "grace_declaration_sido",
      joinColumns = @JoinColumn(name = "declaration_id"))
  @Column(name = "sido_code")
  private Set<String> sidoCodes = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "grace_declaration_sigungu",
      joinColumns = @JoinColumn(name = "declaration_id"))
  @Column(name = "sigungu_code")
  private Set<String> sigunguCodes = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "grace_declaration_type",
      joinColumns = @JoinColumn(name = "declaration_id"))
  @Column(name = "type_code")
  private Set<String> typeCodes = new HashSet<>();

  protected GraceDeclaration() {}

  /**
   * Declares a grace period from {@code startsAt} (inclusive) to {@code endsAt} (exclusive); it
   * starts APPLYING. A window may lie in the past (a waiver declared after the fact voids the fines
   * already logged in it) or ahead (a planned outage).
   */
  public static GraceDeclaration declare(
      Instant startsAt,
      Instant endsAt,
      GraceKind kind,
      GraceScope scope,
      String reason,
      String announcementRef,
      Instant now,
      long by) {
    if (startsAt == null) {
      throw BusinessException.onField("startsAt", "grace.start.required");
    }
    if (endsAt == null) {
      throw BusinessException.onField("endsAt", "grace.end.required");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw BusinessException.onField("endsAt", "grace.end.notAfterStart");
    }
    if (kind == null) {
      throw BusinessException.onField("kind", "grace.kind.required");
    }
    if (scope == null) {
      throw BusinessException.onField("scope", "grace.scope.required");
    }
    GraceDeclaration d = new GraceDeclaration();
    d.startsAt = startsAt;
    d.endsAt = endsAt;
    d.kind = kind;
    d.reason = requiredText(reason, "reason", "grace.reason.required");
    d.announcementRef = optionalText(announcementRef, "announcementRef");
    d.sidoCodes = new HashSet<>(scope.sidoCodes());
    d.sigunguCodes = new HashSet<>(scope.sigunguCodes());
    d.typeCodes = new HashSet<>(scope.typeCodes());
    d.status = GraceStatus.APPLYING;
    d.declaredAt = now;
    d.declaredBy = by;
    return d;
  }

  /** A grace period of one whole Kst.ZONE day, from midnight to the next midnight. */
  public static GraceDeclaration wholeDay(
      LocalDate day,
      GraceKind kind,
      GraceScope scope,
      String reason,
      String announcementRef,
      Instant now,
      long by) {
    if (day == null) {
      throw BusinessException.onField("startsAt", "grace.start.required");
    }
    return declare(
        day.atStartOfDay(Kst.ZONE).toInstant(),
        day.plusDays(1).atStartOfDay(Kst.ZONE).toInstant(),
        kind,
        scope,
        reason,
        announcementRef,
        now,
        by);
  }

  /**
   * Whether this declaration waives such a case: active (applying or applied), the case within the
   * window (start inclusive, end exclusive), of a cause the kind names, in the scope's regions and
   * types. A revoked declaration covers nothing.
   */
  public boolean covers(CaseFacts c) {
    return status.active()
        && inWindow(c.occurredAt())
        && kind.covers(c.cause())
        && scope().covers(c.sidoCode(), c.sigunguCode(), c.facilityTypeCode());
  }

  /** Start inclusive, end exclusive. */
  public boolean inWindow(Instant at) {
    return !at.isBefore(startsAt) && at.isBefore(endsAt);
  }

  /** Of these declarations, the ones that cover such a case (overlapping ones all do). */
  public static List<GraceDeclaration> covering(
      Collection<GraceDeclaration> declarations, CaseFacts c) {
    return declarations.stream().filter(d -> d.covers(c)).toList();
  }

  /**
   * Revokes the declaration: from now on it covers nothing, and its waivers are to be undone
   * (REVOKING) until none is left (REVOKED). Refused once revoked, and without a reason.
   */
  public void revoke(String why, Instant now, long by) {
    if (!status.active()) {
      throw BusinessException.of("grace.revoke.notActive");
    }
    revokeReason = requiredText(why, "revokeReason", "grace.revokeReason.required");
    revokedAt = now;
    revokedBy = by;
    status = GraceStatus.REVOKING;
  }

  /** Every covered case holds its waiver: the apply run is over (a no-op unless applying). */
  public void applied() {
    if (status == GraceStatus.APPLYING) {
      status = GraceStatus.APPLIED;
    }
  }

  /** No waiver is left: the revoke run is over (a no-op unless revoking). */
  public void revoked() {
    if (status == GraceStatus.REVOKING) {
      status = GraceStatus.REVOKED;
    }
  }

  /** A run starts (or resumes) that handles that many cases in all. */
  public void startRun(long total) {
    progressTotal = Math.max(0, total);
  }

  /**
   * How far the batch work has come: applying counts the cases held of those covered; revoking
   * counts the links removed of those there were; a settled declaration is finished.
   */
  public GraceProgress progress() {
    return switch (status) {
      case APPLYING ->
          new GraceProgress(id, status, coveredCount, Math.max(progressTotal, coveredCount), false);
      case APPLIED -> new GraceProgress(id, status, coveredCount, coveredCount, true);
      case REVOKING ->
          new GraceProgress(
              id,
              status,
              Math.max(0, progressTotal - coveredCount),
              Math.max(progressTotal, coveredCount),
              false);
      case REVOKED -> new GraceProgress(id, status, progressTotal, progressTotal, true);
    };
  }

  /** Some cases were linked to this declaration. */
  public void linked(long cases) {
    coveredCount += cases;
  }

  /** Some of this declaration's links were removed. */
  public void unlinked(long cases) {
    coveredCount = Math.max(0, coveredCount - cases);
  }

  /**
   * The reason written into a waived case's history, which owners and inspectors read: the
   * declaration's own words, never its database id (which declaration holds the case is recorded by
   * the link between them).
   */
  public String waiverReason() {
    return reason;
  }

  /** The reason written into a restored case's history: why the declaration was revoked. */
  public String restoreReason() {
    return revokeReason == null ? "" : revokeReason;
  }

  /**
   * The account whose act the waivers carry out (null for a declaration seeded from the record).
   */
  public Long actingAccount() {
    return status.active() ? declaredBy : revokedBy;
  }

  public GraceScope scope() {
    return new GraceScope(sidoCodes, sigunguCodes, typeCodes);
  }

  private static String requiredText(String text, String field, String key) {
    if (text == null || text.isBlank()) {
      throw BusinessException.onField(field, key);
    }
    return optionalText(text, field);
  }

  private static String optionalText(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.length() > TEXT_MAX) {
      throw BusinessException.onField(field, "grace.text.tooLong", TEXT_MAX);
    }
    return stripped;
  }

  public Long getId() {
    return id;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public GraceKind getKind() {
    return kind;
  }

  public String getReason() {
    return reason;
  }

  public String getAnnouncementRef() {
    return announcementRef;
  }

  public GraceStatus getStatus() {
    return status;
  }

  public Instant getDeclaredAt() {
    return declaredAt;
  }

  public Long getDeclaredBy() {
    return declaredBy;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Long getRevokedBy() {
    return revokedBy;
  }

  public String getRevokeReason() {
    return revokeReason;
  }

  /** The cases this declaration holds waived now. */
  public long getCoveredCount() {
    return coveredCount;
  }

  /** The cases the current (or last) run handles in all. */
  public long getProgressTotal() {
    return progressTotal;
  }
}
