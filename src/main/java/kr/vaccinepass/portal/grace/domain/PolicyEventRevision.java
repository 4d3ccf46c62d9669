package kr.vaccinepass.portal.grace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One version of a policy event as it stood after a change: what, who, when and why. */
@Embeddable
public record PolicyEventRevision(
    @Enumerated(EnumType.STRING) @Column(name = "kind", nullable = false) PolicyEventKind kind,
    @Column(name = "starts_on", nullable = false) LocalDate startsOn,
    @Column(name = "ends_on") LocalDate endsOn,
    @Column(name = "title_ko", nullable = false) String titleKo,
    @Column(name = "title_en", nullable = false) String titleEn,
    @Column(name = "source", nullable = false) String source,
    @Column(name = "changed_at", nullable = false) Instant changedAt,
    @Column(name = "changed_by") Long changedBy,
    @Column(name = "note") String note,
    @Column(name = "type_codes", nullable = false) String[] typeCodes,
    @Enumerated(EnumType.STRING) @Column(name = "cause") ViolationCause cause,
    @Column(name = "schedule_name") String scheduleName,
    @Column(name = "visitor_fine") Long visitorFine,
    @Column(name = "operator_fines") Long[] operatorFines,
    @Column(name = "operator_sanctions") String[] operatorSanctions,
    @Column(name = "days_after_final_dose") Integer daysAfterFinalDose,
    @Column(name = "validity_days") Integer validityDays,
    @Column(name = "group_allowance") Boolean groupAllowance,
    @Column(name = "under_eighteen_born_from") Integer underEighteenBornFrom,
    @Column(name = "lifts", nullable = false) boolean lifts,
    @Column(name = "store_revision", nullable = false) long storeRevision)
    implements Serializable {}
