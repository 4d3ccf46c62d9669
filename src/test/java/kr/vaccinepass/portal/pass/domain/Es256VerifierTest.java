package kr.vaccinepass.portal.pass.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The door's ES256 verifier answers exactly as nimbus's own ECDSAVerifier (JDK's SunEC) does: for
 * genuine signatures, and for every way a signature or its input can be wrong.
 */
class Es256VerifierTest {
  private static final JWSHeader HEADER =
      new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build();
  private static final BigInteger N =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "genuine",
        "input changed",
        "other key",
        "R flipped",
        "S flipped",
        "R and S swapped",
        "S replaced by n - S (the other valid S)",
        "R = 0",
        "S = 0",
        "R = n",
        "S = n",
        "63 bytes",
        "65 bytes",
        "empty",
        "DER instead of R‖S"
      })
  void answersAsTheJdkVerifierDoes(String variant) throws Exception {
    KeyPair issuer = p256();
    KeyPair other = p256();
    byte[] input = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0".getBytes(StandardCharsets.US_ASCII);
    byte[] rs = sign(issuer, input);
    byte[] signedInput = input;
    ECPublicKey key = (ECPublicKey) issuer.getPublic();
    switch (variant) {
      case "input changed" -> signedInput = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ5In0".getBytes();
      case "other key" -> key = (ECPublicKey) other.getPublic();
      case "R flipped" -> rs[5] ^= 1;
      case "S flipped" -> rs[40] ^= 1;
      case "R and S swapped" -> rs = concat(Arrays.copyOfRange(rs, 32, 64), Arrays.copyOf(rs, 32));
      case "S replaced by n - S (the other valid S)" -> rs = withS(rs, s -> N.subtract(s));
      case "R = 0" -> rs = concat(new byte[32], Arrays.copyOfRange(rs, 32, 64));
      case "S = 0" -> rs = concat(Arrays.copyOf(rs, 32), new byte[32]);
      case "R = n" -> rs = concat(fixed(N), Arrays.copyOfRange(rs, 32, 64));
      case "S = n" -> rs = withS(rs, s -> N);
      case "63 bytes" -> rs = Arrays.copyOf(rs, 63);
      case "65 bytes" -> rs = Arrays.copyOf(rs, 65);
      case "empty" -> rs = new byte[0];
      case "DER instead of R‖S" -> rs = der(rs);
      default -> {}
    }
    boolean jdk = new ECDSAVerifier(key).verify(HEADER, signedInput, Base64URL.encode(rs));
    boolean ours = new Es256Verifier(key).verify(HEADER, signedInput, Base64URL.encode(rs));
    assertEquals(jdk, ours, variant);
    assertEquals(variant.equals("genuine") || variant.startsWith("S replaced"), ours, variant);
  }

  @org.junit.jupiter.api.Test
  void onlyES256WithoutCriticalParametersAndOnlyP256Keys() throws Exception {
    KeyPair issuer = p256();
    byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
    Base64URL sig = Base64URL.encode(sign(issuer, input));
    Es256Verifier verifier = new Es256Verifier((ECPublicKey) issuer.getPublic());
    assertTrue(verifier.verify(HEADER, input, sig));
    assertThrows(
        JOSEException.class,
        () -> verifier.verify(new JWSHeader.Builder(JWSAlgorithm.ES384).build(), input, sig));
    assertFalse(
        verifier.verify(
            new JWSHeader.Builder(JWSAlgorithm.ES256).criticalParams(Set.of("exp")).build(),
            input,
            sig));
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    assertThrows(
        JOSEException.class,
        () -> new Es256Verifier((ECPublicKey) p384.generateKeyPair().getPublic()));
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static byte[] sign(KeyPair pair, byte[] input) throws JOSEException {
    return new ECDSASigner((ECPrivateKey) pair.getPrivate()).sign(HEADER, input).decode();
  }

  private static byte[] withS(byte[] rs, UnaryOperator<BigInteger> s) {
    return concat(
        Arrays.copyOf(rs, 32), fixed(s.apply(new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)))));
  }

  private static byte[] fixed(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(32, b.length);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] der(byte[] rs) throws JOSEException {
    return com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToDER(rs);
  }
}
