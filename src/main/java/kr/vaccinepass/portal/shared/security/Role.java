package kr.vaccinepass.portal.shared.security;

/** The portal's roles. Their names are the role names of web.xml and of @RolesAllowed. */
public enum Role {
  /** A venue operator (사업주): registers facilities, keeps visit records. */
  OWNER,
  /** A local-government inspector, bound to one 시군구. */
  INSPECTOR,
  /** An administrator: accounts, the enforcement calendar, everything read-only. */
  ADMIN,
  /**
   * An epidemiological investigator (역학조사관) of a 시도 or 시군구 health authority: traces visits after a
   * confirmed case, and sees nothing of enforcement.
   */
  INVESTIGATOR;

  public static final String OWNER_NAME = "OWNER";
  public static final String INSPECTOR_NAME = "INSPECTOR";
  public static final String ADMIN_NAME = "ADMIN";
  public static final String INVESTIGATOR_NAME = "INVESTIGATOR";
}
