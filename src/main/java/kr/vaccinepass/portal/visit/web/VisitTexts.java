package kr.vaccinepass.portal.visit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.domain.Visit;

/**
 * How a visit's record reads where the page and its export must say the same: its method, and for a
 * visit a door admitted from its own verification and sent later, that it was, and whether the
 * server, checking again, disagreed (and why).
 */
@Named
@ApplicationScoped
public class VisitTexts {
  @Inject Messages messages;

  /** The method, with the door's note when there is one ("QR · 문에서 확인(나중에 전송)"). */
  public String method(Visit v) {
    String method = messages.text("visit.method." + v.getMethod().name());
    String door = door(v);
    return door.isEmpty() ? method : method + " · " + door;
  }

  /** The door's note alone; empty for a visit the server answered at the time. */
  public String door(Visit v) {
    if (!v.isDoorVerified()) {
      return "";
    }
    String verified = messages.text("visit.door.verified");
    if (v.getDoorDisagreement() == null) {
      return verified;
    }
    return messages.text(
        "visit.door.disagreement",
        verified,
        messages.text("scanner.result." + v.getDoorDisagreement().name()));
  }
}
