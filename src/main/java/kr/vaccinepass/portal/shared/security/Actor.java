package kr.vaccinepass.portal.shared.security;

import java.util.Objects;

/**
 * The signed-in account on whose behalf a service runs. Application services take their
 * object-level decisions (whose facility, which jurisdiction) from it.
 *
 * @param jurisdictionCode the 시군구 code of an inspector, the 시도 or 시군구 code of an investigator's
 *     health authority, null for the other roles
 */
public record Actor(long accountId, String email, Role role, String jurisdictionCode) {
  public Actor {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    if (role == Role.INSPECTOR && jurisdictionCode == null) {
      throw new IllegalArgumentException("an inspector has a jurisdiction");
    }
    if (role == Role.INVESTIGATOR && jurisdictionCode == null) {
      throw new IllegalArgumentException("an investigator has a health authority");
    }
  }

  public boolean is(Role r) {
    return role == r;
  }
}
