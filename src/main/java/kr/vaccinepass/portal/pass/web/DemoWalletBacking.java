package kr.vaccinepass.portal.pass.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.pass.application.DemoWallet;
import kr.vaccinepass.portal.pass.application.TrustListReader;
import kr.vaccinepass.portal.pass.domain.PassIssuer;

/**
 * The public demo wallet (public/wallet.xhtml): a visitor profile's QR, renewed every 15 seconds.
 * Shows nothing unless the portal runs in demo mode.
 */
@Named
@ViewScoped
public class DemoWalletBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject DemoWallet wallet;
  @Inject TrustListReader trust;

  private DemoWallet.Profile profile = DemoWallet.Profile.FULLY_VACCINATED;
  private String issuer = "COOV";
  private DemoWallet.Card card;
  private List<PassIssuer> issuers;

  @PostConstruct
  void init() {
    issuers = trust.issuers();
    renew();
  }

  public void renew() {
    card = wallet.available() ? wallet.issue(profile, issuer) : null;
  }

  public boolean isAvailable() {
    return wallet.available();
  }

  public DemoWallet.Card getCard() {
    return card;
  }

  /** The QR image (a data URI); records are not EL properties in Faces 4.0. */
  public String getImage() {
    return card == null ? null : card.image();
  }

  public String getToken() {
    return card == null ? null : card.token();
  }

  /** Ignored: the token field is read-only. */
  public void setToken(String ignored) {
    // the page posts the read-only field back; the card stays as issued
  }

  /** Milliseconds since the epoch when the shown QR expires, for the countdown. */
  public long getExpiresAtMillis() {
    return card == null ? 0 : card.expiresAt().toEpochMilli();
  }

  /** Milliseconds until the shown QR expires, by the portal's clock. */
  public long getRemainingMillis() {
    return card == null ? 0 : wallet.remainingMillis(card);
  }

  public DemoWallet.Profile[] getProfiles() {
    return DemoWallet.Profile.values();
  }

  public List<PassIssuer> getIssuers() {
    return issuers;
  }

  public DemoWallet.Profile getProfile() {
    return profile;
  }

  public void setProfile(DemoWallet.Profile profile) {
    this.profile = profile == null ? DemoWallet.Profile.FULLY_VACCINATED : profile;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }
}
