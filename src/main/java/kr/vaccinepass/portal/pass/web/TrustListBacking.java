package kr.vaccinepass.portal.pass.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import kr.vaccinepass.portal.pass.application.TrustListService;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.web.Messages;

/** The administrators' trust list (admin/trust-list.xhtml): add, rotate and revoke issuer keys. */
@Named
@ViewScoped
public class TrustListBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject TrustListService trust;
  @Inject Messages messages;
  @Inject java.time.Clock clock;

  private List<PassIssuer> issuers;
  private List<IssuerKey> keys;
  private String issuerCode;
  private String kid;
  private String publicKey;
  private LocalDateTime validFrom;
  private LocalDateTime validUntil;
  private boolean rotate;

  @PostConstruct
  void init() {
    issuers = trust.issuers();
    keys = trust.keys();
  }

  public void save() {
    try {
      if (rotate) {
        trust.rotate(issuerCode, kid, publicKey);
        messages.info("trust.rotated", kid);
      } else {
        trust.addKey(issuerCode, kid, publicKey, instant(validFrom), instant(validUntil));
        messages.info("trust.added", kid);
      }
      kid = null;
      publicKey = null;
      validFrom = null;
      validUntil = null;
      rotate = false;
      keys = trust.keys();
    } catch (BusinessException e) {
      messages.show(e, "keyForm");
    }
  }

  public void revoke(String keyId) {
    try {
      trust.revoke(keyId);
      messages.info("trust.revoked", keyId);
      keys = trust.keys();
    } catch (BusinessException e) {
      messages.show(e, "keyForm");
    }
  }

  /** Whether a key no longer covers tokens issued now (retired by a rotation or its end). */
  public boolean expired(IssuerKey key) {
    return key.getValidUntil() != null && !key.getValidUntil().isAfter(clock.instant());
  }

  public String issuerName(String code, java.util.Locale locale) {
    return issuers.stream()
        .filter(i -> i.getCode().equals(code))
        .map(i -> i.name(locale))
        .findFirst()
        .orElse(code);
  }

  private static Instant instant(LocalDateTime kst) {
    return kst == null ? null : kst.atZone(Kst.ZONE).toInstant();
  }

  public List<PassIssuer> getIssuers() {
    return issuers;
  }

  public List<IssuerKey> getKeys() {
    return keys;
  }

  public String getIssuerCode() {
    return issuerCode;
  }

  public void setIssuerCode(String issuerCode) {
    this.issuerCode = issuerCode;
  }

  public String getKid() {
    return kid;
  }

  public void setKid(String kid) {
    this.kid = kid;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(String publicKey) {
    this.publicKey = publicKey;
  }

  public LocalDateTime getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDateTime validFrom) {
    this.validFrom = validFrom;
  }

  public LocalDateTime getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDateTime validUntil) {
    this.validUntil = validUntil;
  }

  public boolean isRotate() {
    return rotate;
  }

  public void setRotate(boolean rotate) {
    this.rotate = rotate;
  }
}
