package kr.vaccinepass.portal.visit.domain;

/**
 * The way a check-in reached the portal, which decides what the same token presented again means
 * ({@link CheckinAnswer#again}).
 */
public enum CheckinPath {
  /**
   * The owner's scanner page: a person holds the QR in front of the owner, who sees the answer at
   * once. The same token shown again is a second presentation (a screenshot passed on within its 15
   * s), never the page's own retry.
   */
  SCANNER_PAGE(false),
  /**
   * A door device on the API: it sends the same request again when its answer was lost (a network
   * failure, a 5xx); that retry must get the answer it missed (docs/checkin.md, section 8).
   */
  DEVICE_API(true);

  private final boolean retriesItsRequests;

  CheckinPath(boolean retriesItsRequests) {
    this.retriesItsRequests = retriesItsRequests;
  }

  /** Whether the same token again is this caller's own retry of one presentation. */
  public boolean retriesItsRequests() {
    return retriesItsRequests;
  }
}
