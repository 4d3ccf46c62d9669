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
import kr.vaccinepass.portal.shared.domain.BusinessException;
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

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by")
  private Long updatedBy;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "policy_event_revision", joinColumns = @JoinColumn(name = "event_id"))
  @OrderColumn(name = "revision", nullable = false)
  private List<PolicyEventRevision> revisions = new ArrayList<>();

  protected PolicyEvent() {}

  /** What an administrator writes for an event. */
  public record Content(
      PolicyEventKind kind,
      LocalDate startsOn,
      LocalDate endsOn,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.title.tooLong}") @SingleLine
          String titleKo,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.title.tooLong}") @SingleLine
          String titleEn,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.source.tooLong}") @SingleLine
          String source) {}

  public static PolicyEvent create(Content content, String note, long by, Instant at) {
    PolicyEvent e = new PolicyEvent();
    e.apply(content, note, by, at);
    return e;
  }

  /** Changes the event; the change is kept as a revision with who, when and why. */
  public void edit(Content content, String note, long by, Instant at) {
    if (note == null || note.isBlank()) {
      throw BusinessException.onField("note", "calendar.note.required");
    }
    apply(content, note, by, at);
  }

  private void apply(Content c, String note, long by, Instant at) {
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
    kind = c.kind();
    startsOn = c.startsOn();
    endsOn = c.endsOn() == null || c.endsOn().equals(c.startsOn()) ? null : c.endsOn();
    titleKo = ko;
    titleEn = en;
    source = src;
    updatedAt = at;
    updatedBy = by;
    revisions.add(new PolicyEventRevision(kind, startsOn, endsOn, ko, en, src, at, by, why));
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
    return new Content(kind, startsOn, endsOn, titleKo, titleEn, source);
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
