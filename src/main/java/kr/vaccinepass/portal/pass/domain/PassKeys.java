package kr.vaccinepass.portal.pass.domain;

import com.nimbusds.jose.jwk.Curve;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import kr.vaccinepass.portal.shared.domain.BusinessException;

/** EC P-256 keys in the forms the trust list takes: PEM or base64 of the X.509 SPKI. */
public final class PassKeys {
  private PassKeys() {}

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available", e);
    }
  }

  /** A P-256 public key from PEM or bare base64; anything else is refused with a message. */
  public static ECPublicKey parsePublic(String text) {
    if (text == null || text.isBlank()) {
      throw new BusinessException("trust.publicKey.invalid", "publicKey");
    }
    try {
      String base64 =
          text.replace("-----BEGIN PUBLIC KEY-----", "")
              .replace("-----END PUBLIC KEY-----", "")
              .replaceAll("\\s", "");
      var key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      if (!(key instanceof ECPublicKey ec)
          || !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
        throw new BusinessException("trust.publicKey.notP256", "publicKey");
      }
      return ec;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BusinessException(
          isOtherKey(text) ? "trust.publicKey.notP256" : "trust.publicKey.invalid", "publicKey");
    }
  }

  /**
   * A well-formed public key of another kind (RSA, Ed25519...): the message says what is wanted.
   */
  private static boolean isOtherKey(String text) {
    String base64 =
        text.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    for (String algorithm : new String[] {"RSA", "Ed25519", "EdDSA", "DSA"}) {
      try {
        KeyFactory.getInstance(algorithm)
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return true;
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // not this kind either
      }
    }
    return false;
  }

  public static String encodePublic(ECPublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static String pem(ECPublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----";
  }

  public static String encodePrivate(ECPrivateKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static ECPrivateKey parsePrivate(String base64) {
    try {
      return (ECPrivateKey)
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not an EC private key", e);
    }
  }
}
