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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;

/**
 * A dated policy event of the calendar: its kind, first and last day (KST; one day when no last
 * day), its title in Korean and English and its public source. Every change appends a revision, so
 * that what the calendar said before a correction is never lost.
 */
@Entity
@Table(name = "policy_event")
public class PolicyEvent implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PolicyEventKind kind;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  @Column(name = "title_ko", nullable = false)
  private String titleKo;

  @Column(name = "title_en", nullable = false)
  private String titleEn;

  @Column(nullable = false)
  private String source;

  /** A guidance period's facility types (empty: every type). */
  @Column(name = "type_codes", nullable = false)
  private String[] typeCodes = new String[0];

  /**
   * A coverage event lifts its types from the pass (else adds them); a court ruling with types too.
   */
  @Column(name = "lifts", nullable = false)
  private boolean lifts;

  /** A guidance period's one cause (null: every cause). */
  @Enumerated(EnumType.STRING)
  @Column(name = "cause")
  private ViolationCause cause;

  /** A penalty change's stable name, stored with each penalty decided by it. */
  @Column(name = "schedule_name")
  private String scheduleName;

  @Column(name = "visitor_fine")
  private Long visitorFine;

  @Column(name = "operator_fines")
  private Long[] operatorFines;

  @Column(name = "operator_sanctions")
  private String[] operatorSanctions;

  @Column(name = "days_after_final_dose")
  private Integer daysAfterFinalDose;

  @Column(name = "validity_days")
  private Integer validityDays;

  @Column(name = "group_allowance")
  private Boolean groupAllowance;

  @Column(name = "under_eighteen_born_from")
  private Integer underEighteenBornFrom;

  /** The store's revision that made this version of the event. */
  @Column(name = "store_revision", nullable = false)
  private long storeRevision;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by")
  private Long updatedBy;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "policy_event_revision", joinColumns = @JoinColumn(name = "event_id"))
  @OrderColumn(name = "revision", nullable = false)
  private List<PolicyEventRevision> revisions = new ArrayList<>();

  protected PolicyEvent() {}

  /**
   * What an administrator writes for an event; a guidance period also names the facility types
   * (none: every type) and the one cause (null: every cause) it covers, a coverage event the types
   * it adds to the pass or lifts from it, a court ruling the types whose pass it suspended
   * nationwide, a penalty change its penalties, a rule change the pass rules it puts in force. What
   * does not belong to the kind is not kept.
   */
  public record Content(
      PolicyEventKind kind,
      LocalDate startsOn,
      LocalDate endsOn,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.title.tooLong}") @SingleLine
          String titleKo,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.title.tooLong}") @SingleLine
          String titleEn,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.source.tooLong}") @SingleLine
          String source,
      Set<String> typeCodes,
      ViolationCause cause,
      PenaltyTerms penalty,
      PassTerms pass,
      boolean lifts)
      implements Serializable {
    public Content {
      typeCodes = typeCodes == null ? Set.of() : Set.copyOf(typeCodes);
    }

    /** An event of a kind without terms (coverage, start of fines, court, …). */
    public Content(
        PolicyEventKind kind,
        LocalDate startsOn,
        LocalDate endsOn,
        String titleKo,
        String titleEn,
        String source) {
      this(kind, startsOn, endsOn, titleKo, titleEn, source, Set.of(), null, null, null, false);
    }
  }

  /**
   * A new event, made by the store's revision {@code revision}.
   *
   * @param revision the store's next revision number
   */
  public static PolicyEvent create(
      Content content, String note, long by, Instant at, long revision) {
    PolicyEvent e = new PolicyEvent();
    e.apply(content, note, by, at, revision);
    return e;
  }

  /**
   * Changes the event; the change is kept as a revision with who, when and why, and the store's
   * revision number that made it. A case decided before keeps the revision it was judged by.
   */
  public void edit(Content content, String note, long by, Instant at, long revision) {
    if (note == null || note.isBlank()) {
      throw BusinessException.onField("note", "calendar.note.required");
    }
    apply(content, note, by, at, revision);
  }

  private void apply(Content c, String note, long by, Instant at, long revision) {
    if (c.kind() == null) {
      throw BusinessException.onField("kind", "calendar.kind.required");
    }
    if (c.startsOn() == null) {
      throw BusinessException.onField("startsOn", "calendar.startsOn.required");
    }
    if (c.endsOn() != null && c.endsOn().isBefore(c.startsOn())) {
      throw BusinessException.onField("endsOn", "calendar.endsOn.beforeStart");
    }
    String ko = required(c.titleKo(), "titleKo", 300);
    String en = required(c.titleEn(), "titleEn", 300);
    String src = required(c.source(), "source", 300);
    String why = note == null || note.isBlank() ? null : note.strip();
    if (why != null && why.length() > 300) {
      throw BusinessException.onField("note", "calendar.tooLong", 300);
    }
    if (c.kind() == PolicyEventKind.GUIDANCE && c.endsOn() == null) {
      throw BusinessException.onField("endsOn", "calendar.guidance.endRequired");
    }
    if (c.kind() == PolicyEventKind.PENALTY_CHANGE && c.penalty() == null) {
      throw BusinessException.onField("penalty", "calendar.penalty.required");
    }
    kind = c.kind();
    startsOn = c.startsOn();
    endsOn = c.endsOn() == null || c.endsOn().equals(c.startsOn()) ? null : c.endsOn();
    if (c.kind() == PolicyEventKind.COVERAGE && c.typeCodes().isEmpty()) {
      throw BusinessException.onField("typeCodes", "calendar.coverage.typesRequired");
    }
    boolean guidance = kind == PolicyEventKind.GUIDANCE;
    boolean typed = guidance || kind == PolicyEventKind.COVERAGE || kind == PolicyEventKind.COURT;
    typeCodes = typed ? c.typeCodes().stream().sorted().toArray(String[]::new) : new String[0];
    lifts =
        kind == PolicyEventKind.COVERAGE
            ? c.lifts()
            : kind == PolicyEventKind.COURT && typeCodes.length > 0;
    cause = guidance ? c.cause() : null;
    if (kind == PolicyEventKind.PENALTY_CHANGE) {
      if (scheduleName == null) {
        scheduleName = startsOn.toString();
      }
      visitorFine = c.penalty().visitorFine().won();
      operatorFines =
          c.penalty().operatorRows().stream().map(r -> r.fine().won()).toArray(Long[]::new);
      operatorSanctions =
          c.penalty().operatorRows().stream().map(r -> r.sanction().code()).toArray(String[]::new);
    } else {
      scheduleName = null;
      visitorFine = null;
      operatorFines = null;
      operatorSanctions = null;
    }
    boolean passRule = kind == PolicyEventKind.PASS_RULE && c.pass() != null;
    daysAfterFinalDose = passRule ? c.pass().daysAfterFinalDose() : null;
    validityDays = passRule ? c.pass().validityDays() : null;
    groupAllowance = passRule ? c.pass().groupAllowance() : null;
    underEighteenBornFrom = passRule ? c.pass().underEighteenBornFrom() : null;
    storeRevision = revision;
    titleKo = ko;
    titleEn = en;
    source = src;
    updatedAt = at;
    updatedBy = by;
    revisions.add(
        new PolicyEventRevision(
            kind,
            startsOn,
            endsOn,
            ko,
            en,
            src,
            at,
            by,
            why,
            typeCodes,
            cause,
            scheduleName,
            visitorFine,
            operatorFines,
            operatorSanctions,
            daysAfterFinalDose,
            validityDays,
            groupAllowance,
            underEighteenBornFrom,
            lifts,
            revision));
  }

  private static String required(String text, String field, int max) {
    if (text == null || text.isBlank()) {
      throw BusinessException.onField(field, "calendar.field.required");
    }
    String t = text.strip();
    if (t.length() > max) {
      throw BusinessException.onField(field, "calendar.tooLong", max);
    }
    return t;
  }

  /** The last day the event covers (its first day when it is a single day). */
  public LocalDate lastDay() {
    return endsOn == null ? startsOn : endsOn;
  }

  public Content content() {
    return new Content(
        kind,
        startsOn,
        endsOn,
        titleKo,
        titleEn,
        source,
        Set.of(typeCodes),
        cause,
        penaltySchedule().map(PenaltyTerms::of).orElse(null),
        passTerms().orElse(null),
        lifts);
  }

  /** The pass rules this rule change puts in force from its day, if it changes them. */
  public Optional<PassTerms> passTerms() {
    if (kind != PolicyEventKind.PASS_RULE || daysAfterFinalDose == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PassTerms(daysAfterFinalDose, validityDays, groupAllowance, underEighteenBornFrom));
  }

  /**
   * The guidance period this event declares: warned, not fined, from its first day to its last
   * (inclusive), at its types (all when none) for its cause (all when none).
   */
  public Optional<GuidancePeriods.Period> guidancePeriod() {
    if (kind != PolicyEventKind.GUIDANCE) {
      return Optional.empty();
    }
    return Optional.of(
        new GuidancePeriods.Period(
            startsOn,
            lastDay().plusDays(1),
            Set.of(typeCodes),
            cause == null ? Set.of() : Set.of(cause),
            source));
  }

  /** The penalty schedule this event puts in force from its first day, 00:00 KST. */
  public Optional<PenaltySchedule> penaltySchedule() {
    if (kind != PolicyEventKind.PENALTY_CHANGE || operatorFines == null) {
      return Optional.empty();
    }
    List<PenaltyRow> rows = new ArrayList<>();
    for (int i = 0; i < operatorFines.length; i++) {
      rows.add(
          new PenaltyRow(
              i + 1, Money.won(operatorFines[i]), Sanction.ofCode(operatorSanctions[i])));
    }
    return Optional.of(
        new PenaltySchedule(scheduleName, startsOn, Money.won(visitorFine), rows, source));
  }

  /** The store's revision that made this version of the event. */
  public long getStoreRevision() {
    return storeRevision;
  }

  public Set<String> getTypeCodes() {
    return Set.of(typeCodes);
  }

  /** Whether this coverage event or court ruling lifts its types from the pass. */
  public boolean isLifts() {
    return lifts;
  }

  public ViolationCause getCause() {
    return cause;
  }

  public Long getId() {
    return id;
  }

  public PolicyEventKind getKind() {
    return kind;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public String getTitleKo() {
    return titleKo;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public String getSource() {
    return source;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<PolicyEventRevision> getRevisions() {
    return Collections.unmodifiableList(revisions);
  }
}
