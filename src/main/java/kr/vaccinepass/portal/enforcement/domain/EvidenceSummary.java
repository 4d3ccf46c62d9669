package kr.vaccinepass.portal.enforcement.domain;

import java.io.Serializable;
import java.time.Instant;

/** What a list of evidence photos shows of each, without its bytes. */
public record EvidenceSummary(
    long id, String contentType, int sizeBytes, String description, Instant createdAt)
    implements Serializable {}
