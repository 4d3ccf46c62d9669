package kr.vaccinepass.portal.grace.application;

import java.io.Serializable;
import java.time.Instant;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceScope;

/**
 * What a grace declaration would do if made now (a dry run, nothing written): its window, kind and
 * scope as they would be stored, the cases it would waive now, and the cases it covers that another
 * declaration has waived already (it would only hold them too).
 */
public record GracePreview(
    Instant startsAt,
    Instant endsAt,
    GraceKind kind,
    GraceScope scope,
    long toWaive,
    long alreadyWaived)
    implements Serializable {}
