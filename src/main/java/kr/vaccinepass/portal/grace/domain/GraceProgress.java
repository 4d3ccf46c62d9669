package kr.vaccinepass.portal.grace.domain;

/**
 * How far a grace declaration's batch work has come, for a page that polls it: the phase (its
 * status), the cases handled so far of those the run handles in all, and whether it is over.
 */
public record GraceProgress(
    Long declarationId, GraceStatus phase, long done, long total, boolean finished) {
  /** Whole per cent; with nothing counted yet, 0 until finished and then 100. */
  public int percent() {
    if (total == 0) {
      return finished ? 100 : 0;
    }
    return (int) Math.min(100, done * 100 / total);
  }
}
