package kr.vaccinepass.portal.audit.domain;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import kr.vaccinepass.portal.shared.domain.Sha256;

/**
 * The hash chain of the trail: an entry's hash is the SHA-256 of its fields and of the hash of the
 * entry before it, so altering an entry changes its hash and removing one leaves a gap in the
 * sequence and a previous hash that matches nothing. Checked entry by entry, in order.
 */
public final class AuditChain {
  /** The previous hash of the very first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The hash an entry must have, computed again from its fields. */
  public static String hashOf(AuditEntry entry) {
    StringBuilder text = new StringBuilder();
    for (Object field : entry.hashed()) {
      // length-prefixed, so that no two different entries write the same text
      if (field == null) {
        text.append("-1:");
      } else {
        String value = field.toString();
        text.append(value.length()).append(':').append(value);
      }
    }
    return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** What a check found. */
  public enum Break {
    /** An entry's fields no longer give its hash. */
    ALTERED,
    /** The entry before this one is not there (removed, or a gap in the sequence). */
    MISSING
  }

  /** The result of a check: how many entries were checked, and the first break if any. */
  public record Verdict(long checked, Long brokenAt, Break broken, Long lastSeq, String lastHash)
      implements Serializable {
    public boolean intact() {
      return broken == null;
    }
  }

  /** Checks entries one at a time, in the order of their sequence numbers. */
  public static final class Checker {
    private long checked;
    private Long previousSeq;
    private String previousHash;
    private Long brokenAt;
    private Break broken;

    /**
     * Takes the next entry. The first entry is taken as it is unless it is the first of all: the
     * entries before it may have been pruned after their retention.
     */
    public Checker accept(AuditEntry entry) {
      if (broken != null) {
        return this;
      }
      checked++;
      if (previousSeq == null) {
        if (entry.getSeq() == 1 && !GENESIS.equals(entry.getPrevHash())) {
          return fail(entry.getSeq(), Break.ALTERED);
        }
      } else if (entry.getSeq() != previousSeq + 1) {
        return fail(previousSeq + 1, Break.MISSING);
      } else if (!Objects.equals(previousHash, entry.getPrevHash())) {
        return fail(entry.getSeq(), Break.ALTERED);
      }
      if (!hashOf(entry).equals(entry.getHash())) {
        return fail(entry.getSeq(), Break.ALTERED);
      }
      previousSeq = entry.getSeq();
      previousHash = entry.getHash();
      return this;
    }

    private Checker fail(long seq, Break kind) {
      brokenAt = seq;
      broken = kind;
      return this;
    }

    public Verdict verdict() {
      return new Verdict(checked, brokenAt, broken, previousSeq, previousHash);
    }
  }
}
