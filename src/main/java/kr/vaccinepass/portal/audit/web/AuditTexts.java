package kr.vaccinepass.portal.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.audit.domain.AuditEntry;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;

/** An audit entry in words: what was done, to what, which fields, by which role of which place. */
@Named
@RequestScoped
public class AuditTexts {
  @Inject Messages messages;
  @Inject Regions regions;
  @Inject Formats formats;

  public String kind(AuditEntry e) {
    return messages.text("audit.kind." + e.getKind().name());
  }

  /** The object: its kind in words and its number (none for the trail itself). */
  public String object(AuditEntry e) {
    String subject = messages.text("audit.subject." + e.getKind().subject().name());
    return e.getObjectId() == null ? subject : subject + " " + e.getObjectId();
  }

  public String fields(AuditEntry e) {
    return e.getFields().stream()
        .map(f -> messages.text("audit.field." + f.name()))
        .collect(Collectors.joining(", "));
  }

  /** The detail in words (a fine step, a notice, a role), or nothing. */
  public String detail(AuditEntry e) {
    return e.getDetail() == null ? "" : messages.text("audit.detail." + e.getDetail());
  }

  /** The role, and the 시군구 for an inspector: "점검 공무원 (서울특별시 종로구)". */
  public String role(AuditEntry e) {
    if (e.isByPortal()) {
      return messages.text("audit.role.portal");
    }
    String role = messages.text("role." + e.getActorRole().name());
    if (e.getAuthority() == null) {
      return role;
    }
    Locale locale = formats.locale();
    return regions.name(e.getAuthority(), locale).map(n -> role + " (" + n + ")").orElse(role);
  }
}
