package kr.vaccinepass.portal.shared.security;

/** The portal's roles. Their names are the role names of web.xml and of @RolesAllowed. */
public enum Role {
  /** A venue operator (사업주): registers facilities, keeps visit records. */
  OWNER,
  /** A local-government inspector, bound to one 시군구. */
  INSPECTOR,
  /** An administrator: accounts, the enforcement calendar, everything read-only. */
  ADMIN;

  public static final String OWNER_NAME = "OWNER";
  public static final String INSPECTOR_NAME = "INSPECTOR";
  public static final String ADMIN_NAME = "ADMIN";
}
