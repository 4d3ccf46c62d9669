package kr.vaccinepass.portal.pass.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.Sha256;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Verifies an ES256 JWS signature (ECDSA on P-256 with SHA-256, the 64-byte R‖S of RFC 7518 §3.4)
 * with BouncyCastle's P-256 arithmetic. One instance per issuer key, kept by the trust list: the
 * key's point is made once, and BouncyCastle keeps its precomputed multiples with it, so that each
 * of the many verifications at the door costs a fraction of JDK 17's SunEC (which was 68% of the
 * server's CPU at the check-in peak, docs/benchmarks.md). Refuses what nimbus's own verifier
 * refuses: another algorithm, critical header parameters, a signature of the wrong length, R or S
 * out of range; and a signature whose text is not the canonical base64url of its 64 bytes. ECDSA
 * signatures are malleable ((r, s) and (r, n−s) both verify): the portal never tells check-ins
 * apart by their signature ({@link PassToken#hash()}).
 */
public final class Es256Verifier implements JWSVerifier {
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
  private static final int HALF = 32;

  private final ECPublicKeyParameters key;
  private final JCAContext jca = new JCAContext();

  /** A verifier for that P-256 public key; a key on another curve or off the curve is refused. */
  public Es256Verifier(ECPublicKey publicKey) throws JOSEException {
    if (publicKey.getParams().getOrder().bitLength() != 256
        || !publicKey.getParams().getOrder().equals(P256.getN())) {
      throw new JOSEException("not a P-256 key");
    }
    ECPoint q;
    try {
      q =
          P256.getCurve()
              .createPoint(publicKey.getW().getAffineX(), publicKey.getW().getAffineY())
              .normalize();
    } catch (IllegalArgumentException e) {
      throw new JOSEException("not a point of P-256", e);
    }
    if (q.isInfinity() || !q.isValid()) {
      throw new JOSEException("not a point of P-256");
    }
    this.key = new ECPublicKeyParameters(q, DOMAIN);
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
      throws JOSEException {
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      throw new JOSEException("only ES256 is verified here: " + header.getAlgorithm());
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      return false;
    }
    byte[] rs = signature.decode();
    // nimbus decodes leniently (it skips what is not base64url): only the one canonical text of
    // these 64 bytes is this signature, so an altered text never verifies as the original
    if (rs.length != 2 * HALF || !Base64URL.encode(rs).toString().equals(signature.toString())) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, HALF));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, HALF, 2 * HALF));
    ECDSASigner ecdsa = new ECDSASigner();
    ecdsa.init(false, key);
    // verifySignature refuses R or S outside [1, n-1]
    return ecdsa.verifySignature(Sha256.digest(signingInput), r, s);
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.ES256);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }
}
