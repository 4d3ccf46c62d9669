package kr.vaccinepass.portal.audit.domain;

import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Who: the account, the role it had then, the authority it acted for (an inspector's 시군구), and the
 * client's address. The portal itself (a scheduled job) has no account.
 */
public record AuditActor(Long accountId, Role role, String authority, String address) {
  public static final AuditActor PORTAL = new AuditActor(null, null, null, null);

  public static AuditActor of(Actor actor, String address) {
    return new AuditActor(actor.accountId(), actor.role(), actor.jurisdictionCode(), address);
  }

  public static AuditActor portal(String address) {
    return new AuditActor(null, null, null, address);
  }
}
