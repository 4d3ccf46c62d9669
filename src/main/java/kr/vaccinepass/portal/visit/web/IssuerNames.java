package kr.vaccinepass.portal.visit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kr.vaccinepass.portal.pass.application.TrustListReader;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.shared.web.Formats;

/**
 * An issuer (the visitor's app) by its name in the user's language, for any page that shows a
 * check-in: users never read its code (KI_PASS, KAKAO).
 */
@Named
@RequestScoped
public class IssuerNames {
  @Inject TrustListReader issuers;
  @Inject Formats formats;

  private List<PassIssuer> all;

  /** The issuer's name; empty for none, the code only for an issuer the list does not know. */
  public String of(String code) {
    if (code == null) {
      return "";
    }
    if (all == null) {
      all = issuers.issuers();
    }
    return all.stream()
        .filter(i -> i.getCode().equals(code))
        .map(i -> i.name(formats.locale()))
        .findFirst()
        .orElse(code);
  }
}
