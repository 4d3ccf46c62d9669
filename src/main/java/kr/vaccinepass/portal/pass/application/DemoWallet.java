package kr.vaccinepass.portal.pass.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.vaccinepass.portal.pass.domain.ExemptionKind;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.infrastructure.QrImage;

/**
 * The public demo wallet: a visitor profile's check-in QR, signed by a demo issuer, valid 15 s.
 * Each profile is one pretend person, with one random holder id per issuer while the server runs.
 */
@ApplicationScoped
public class DemoWallet {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject DemoIssuers issuers;
  @Inject Clock clock;

  private final Map<String, String> holderIds = new ConcurrentHashMap<>();

  /** The visitor profiles the demo offers, their facts relative to today. */
  public enum Profile {
    FULLY_VACCINATED,
    BOOSTED,
    EXPIRED_180_DAYS,
    VACCINATED_10_DAYS_AGO,
    PCR_NEGATIVE,
    PCR_TOO_OLD,
    UNVACCINATED,
    UNDER_18,
    MEDICALLY_EXEMPT;

    PassFacts facts(Instant now) {
      LocalDate today = now.atZone(Kst.ZONE).toLocalDate();
      return switch (this) {
        case FULLY_VACCINATED -> new PassFacts(today.minusDays(60), null, null, null, null, 1985);
        case BOOSTED ->
            new PassFacts(today.minusDays(250), today.minusDays(20), null, null, null, 1962);
        case EXPIRED_180_DAYS -> new PassFacts(today.minusDays(200), null, null, null, null, 1978);
        case VACCINATED_10_DAYS_AGO ->
            new PassFacts(today.minusDays(10), null, null, null, null, 1991);
        case PCR_NEGATIVE ->
            new PassFacts(null, null, now.minusSeconds(20 * 3600), null, null, 1993);
        case PCR_TOO_OLD ->
            new PassFacts(null, null, now.minusSeconds(4 * 86400), null, null, 1988);
        case UNVACCINATED -> new PassFacts(null, null, null, null, null, 1990);
        case UNDER_18 -> new PassFacts(null, null, null, null, null, 2008);
        case MEDICALLY_EXEMPT -> new PassFacts(null, null, null, ExemptionKind.MEDICAL, null, 1970);
      };
    }
  }

  /** A freshly signed QR: the token, its expiry and an SVG image of it. */
  public record Card(String token, Instant expiresAt, String image) implements Serializable {}

  /** How long the card has left by the portal's clock (which may be shifted from the browser's). */
  public long remainingMillis(Card card) {
    return Math.max(0, card.expiresAt().toEpochMilli() - clock.millis());
  }

  public boolean available() {
    return issuers.enabled();
  }

  public Card issue(Profile profile, String issuerCode) {
    DemoIssuers.Signer signer =
        issuers.signer(issuerCode).orElseThrow(() -> new NotFoundException("wallet.unavailable"));
    Instant now = clock.instant();
    String holder = holderIds.computeIfAbsent(profile + "/" + issuerCode, k -> randomId(16));
    String token =
        PassToken.sign(
            signer.key(), signer.kid(), issuerCode, holder, profile.facts(now), now, randomId(12));
    return new Card(token, now.plus(PassToken.LIFETIME), QrImage.pngDataUri(token));
  }

  static String randomId(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
