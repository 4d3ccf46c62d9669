package kr.vaccinepass.portal.shared.domain;

/**
 * What a text typed by a person may hold, and how long the portal's texts may be. The lengths are
 * those of the columns they are stored in ({@code db/migration}, {@code varchar(n)}); a length
 * counts UTF-16 units as Java and the browser's {@code maxlength} do, which is never more than
 * PostgreSQL's count of characters, so a text that passes always fits its column. Visitors' names
 * are stored encrypted in {@code text} columns: their limit (40) is the portal's own.
 *
 * <p>No text may hold a control character (C0, DEL, C1; line breaks and tabs only where {@link
 * #isPlainText} allows them) or a lone UTF-16 surrogate: PostgreSQL refuses U+0000 in a text column
 * and a lone surrogate cannot be encoded, and such a value, let through, failed the whole group
 * commit of the visits it travelled with. The machine API refuses them at the edge as MALFORMED
 * ({@link #isCleanText}, docs/checkin.md); the services refuse them through Bean Validation.
 */
public final class TextRules {
  /** Account display names ({@code account.display_name varchar(60)}). */
  public static final int ACCOUNT_NAME = 60;

  /** Facility names ({@code facility.name varchar(100)}). */
  public static final int FACILITY_NAME = 100;

  /** Road addresses ({@code facility.road_address varchar(200)}). */
  public static final int ROAD_ADDRESS = 200;

  /** A visitor's name (encrypted, {@code text}): longer than any Korean or foreign name written. */
  public static final int VISITOR_NAME = 40;

  /** Door devices' labels ({@code device_key.label varchar(60)}). */
  public static final int DEVICE_LABEL = 60;

  /** Inspection notes ({@code inspection.notes varchar(2000)}). */
  public static final int INSPECTION_NOTES = 2000;

  /** What the visitor showed ({@code violation.shown varchar(200)}). */
  public static final int SHOWN = 200;

  /** A violation's description ({@code violation.description varchar(2000)}). */
  public static final int DESCRIPTION = 2000;

  /** The operator's opinion ({@code fine_case.opinion varchar(4000)}). */
  public static final int OPINION = 4000;

  /**
   * A fine step's reason: objection grounds, cancellation ({@code fine_transition.reason
   * varchar(500)}).
   */
  public static final int STEP_REASON = 500;

  /** An evidence photo's description ({@code evidence.description varchar(500)}). */
  public static final int EVIDENCE_DESCRIPTION = 500;

  /**
   * A grace declaration's reason, announcement and revocation reason ({@code grace_declaration.*
   * varchar(300)}).
   */
  public static final int GRACE_TEXT = 300;

  /** An incident's note ({@code incident.note varchar(500)}). */
  public static final int INCIDENT_NOTE = 500;

  /**
   * A calendar event's titles and source, and a correction's note ({@code policy_event.*}, {@code
   * policy_event_revision.note varchar(300)}).
   */
  public static final int CALENDAR_TEXT = 300;

  private TextRules() {}

  /** No control character at all, no bidirectional override or isolate, no lone surrogate. */
  public static boolean isSingleLine(CharSequence text) {
    return text.codePoints()
        .noneMatch(c -> Character.isISOControl(c) || isBidiControl(c) || isLoneSurrogate(c));
  }

  /** As {@link #isSingleLine}, but line breaks and tabs are allowed. */
  public static boolean isPlainText(CharSequence text) {
    return text.codePoints()
        .noneMatch(
            c ->
                (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                    || isBidiControl(c)
                    || isLoneSurrogate(c));
  }

  /**
   * A text field of the machine API: present, at most {@code max} UTF-16 units, no control
   * character and no lone surrogate.
   */
  public static boolean isCleanText(String text, int max) {
    return text != null
        && text.length() <= max
        && text.codePoints().noneMatch(c -> Character.isISOControl(c) || isLoneSurrogate(c));
  }

  /** A code point that {@link String#codePoints} yields for a surrogate without its pair. */
  private static boolean isLoneSurrogate(int c) {
    return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
  }

  /** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
