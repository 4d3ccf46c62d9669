package kr.vaccinepass.portal.pass.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Map;

/**
 * The portal's own EC P-256 key, which signs the trust-list snapshots that doors verify offline
 * (docs/door.md). Its signatures are ES256 in the form WebCrypto verifies: the raw {@code r‖s} of
 * 64 bytes (IEEE P1363), over the exact bytes signed. Its id is the RFC 7638 thumbprint of its
 * public half, so the same key has the same id on every node.
 */
public final class PortalKey {
  /** The JDK's ECDSA with SHA-256 whose signature is r‖s, as WebCrypto's ECDSA gives and takes. */
  public static final String SIGNATURE_ALGORITHM = "SHA256withECDSAinP1363Format";

  private final ECPublicKey publicKey;
  private final ECPrivateKey privateKey;
  private final String kid;

  public PortalKey(ECPublicKey publicKey, ECPrivateKey privateKey) {
    if (!Curve.P_256.equals(Curve.forECParameterSpec(publicKey.getParams()))) {
      throw new IllegalArgumentException("the portal's key is EC P-256");
    }
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    try {
      this.kid = new ECKey.Builder(Curve.P_256, publicKey).build().computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException("no thumbprint of the portal's key", e);
    }
  }

  /** A new random key. */
  public static PortalKey generate() {
    KeyPair pair = PassKeys.generate();
    return new PortalKey((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
  }

  /** The key from a private JWK ({@code kty EC, crv P-256, x, y, d}), as configuration gives it. */
  public static PortalKey fromPrivateJwk(String json) {
    try {
      ECKey jwk = ECKey.parse(json);
      if (!Curve.P_256.equals(jwk.getCurve()) || !jwk.isPrivate()) {
        throw new IllegalArgumentException("portal.door.signingKey is a private EC P-256 JWK");
      }
      return new PortalKey(jwk.toECPublicKey(), jwk.toECPrivateKey());
    } catch (ParseException | JOSEException e) {
      throw new IllegalArgumentException("portal.door.signingKey is a private EC P-256 JWK", e);
    }
  }

  /** The key from its stored halves: base64 SPKI and base64 PKCS#8. */
  public static PortalKey fromEncoded(String spki, String pkcs8) {
    return new PortalKey(PassKeys.parsePublic(spki), PassKeys.parsePrivate(pkcs8));
  }

  /** The 64-byte r‖s ES256 signature of those bytes. */
  public byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
      signer.initSign(privateKey);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
  }

  /**
   * The public half as a JWK (kty, crv, x, y, kid, use sig, alg ES256), as WebCrypto imports it.
   */
  public Map<String, Object> publicJwk() {
    return new ECKey.Builder(Curve.P_256, publicKey)
        .keyID(kid)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.ES256)
        .build()
        .toJSONObject();
  }

  /** The public half as base64 X.509 SubjectPublicKeyInfo (WebCrypto's "spki"). */
  public String spki() {
    return PassKeys.encodePublic(publicKey);
  }

  /** The private half as base64 PKCS#8, to be stored encrypted. */
  public String pkcs8() {
    return PassKeys.encodePrivate(privateKey);
  }

  public ECPublicKey publicKey() {
    return publicKey;
  }

  public String kid() {
    return kid;
  }
}
