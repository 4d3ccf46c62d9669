package kr.vaccinepass.portal.grace.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.BusinessException;

/**
 * A verification-system incident: from its start until it is closed, passes could not be verified
 * in its scope (nationwide, or chosen 시도/시군구). While it is open, owners there record visits as
 * "unverified: system down" with how they checked instead, which met the operator's duty (불가항력,
 * Etoday December 2021). Closing it may be followed by a VERIFICATION_FAILURE grace over its
 * window.
 */
@Entity
@Table(name = "incident")
public class Incident {
  private static final int NOTE_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "starts_at", nullable = false, updatable = false)
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(nullable = false, updatable = false)
  private String note;

  @Column(name = "declared_at", nullable = false, updatable = false)
  private Instant declaredAt;

  @Column(name = "declared_by", updatable = false)
  private Long declaredBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by")
  private Long closedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "incident_sido", joinColumns = @JoinColumn(name = "incident_id"))
  @Column(name = "sido_code")
  private Set<String> sidoCodes = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "incident_sigungu", joinColumns = @JoinColumn(name = "incident_id"))
  @Column(name = "sigungu_code")
  private Set<String> sigunguCodes = new HashSet<>();

  protected Incident() {}

  /**
   * Declares an incident that started at {@code startsAt} (now or earlier: it is often declared
   * after the first failures) in the regions of the scope ({@link GraceScope#NATIONWIDE} for the
   * whole country; null when no place was chosen, which is refused); facility types play no part.
   * Every refusal of the form comes at once ({@link BusinessException#together}).
   */
  public static Incident declare(
      Instant startsAt, GraceScope scope, String note, long by, Instant now) {
    // every refusal of the form at once: the start, the places and the note
    List<BusinessException> refused = new ArrayList<>();
    if (startsAt == null) {
      refused.add(BusinessException.onField("startsAt", "incident.start.required"));
    } else if (startsAt.isAfter(now)) {
      refused.add(BusinessException.onField("startsAt", "incident.start.future"));
    }
    if (scope == null) {
      refused.add(BusinessException.onField("sidoCodes", "incidents.scope.regionsRequired"));
    }
    if (note == null || note.isBlank()) {
      refused.add(BusinessException.onField("note", "incident.note.required"));
    } else if (note.strip().length() > NOTE_MAX) {
      refused.add(BusinessException.onField("note", "incident.note.tooLong", NOTE_MAX));
    }
    BusinessException.together(refused)
        .ifPresent(
            first -> {
              throw first;
            });
    Incident i = new Incident();
    i.startsAt = stored(startsAt);
    i.note = note.strip();
    i.declaredAt = now;
    i.declaredBy = by;
    i.sidoCodes.addAll(scope.sidoCodes());
    i.sigunguCodes.addAll(scope.sigunguCodes());
    return i;
  }

  /** Closes the incident: it was over at {@code endsAt} (after its start, not in the future). */
  public void close(Instant endsAt, long by, Instant now) {
    Instant end = endIfClosedAt(endsAt, now);
    this.endsAt = end;
    this.closedAt = now;
    this.closedBy = by;
  }

  /**
   * The end this incident would have if closed at {@code endsAt} now (as stored), or the refusal
   * {@link #close} would give: already closed, no end, an end not after the start, or in the
   * future. The confirmation of a closing with a grace states the window from it before anything is
   * written.
   */
  public Instant endIfClosedAt(Instant endsAt, Instant now) {
    if (this.endsAt != null) {
      throw BusinessException.of("incident.alreadyClosed");
    }
    if (endsAt == null) {
      throw BusinessException.onField("endsAt", "incident.end.required");
    }
    Instant end = stored(endsAt);
    if (!end.isAfter(stored(startsAt))) {
      throw BusinessException.onField("endsAt", "incident.end.beforeStart");
    }
    if (end.isAfter(now)) {
      throw BusinessException.onField("endsAt", "incident.end.future");
    }
    return end;
  }

  /**
   * An instant as the database keeps it (timestamptz: microseconds), so that what is compared here
   * is what the table's check (end after start) compares.
   */
  private static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** The regions it affects (no region: nationwide). */
  public GraceScope scope() {
    return GraceScope.of(sidoCodes, sigunguCodes);
  }

  public boolean isOpen() {
    return endsAt == null;
  }

  /** Whether verification was down at that instant in that place. */
  public boolean affects(Instant at, String sidoCode, String sigunguCode) {
    return !at.isBefore(startsAt)
        && (endsAt == null || at.isBefore(endsAt))
        && scope().coversRegion(sidoCode, sigunguCode);
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

  public String getNote() {
    return note;
  }

  public Instant getDeclaredAt() {
    return declaredAt;
  }

  public Set<String> getSidoCodes() {
    return Set.copyOf(sidoCodes);
  }

  public Set<String> getSigunguCodes() {
    return Set.copyOf(sigunguCodes);
  }
}
