package kr.vaccinepass.portal.devtools.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * Pass tokens as the issuers' apps make them, signed with the demo issuers' private keys that the
 * portal keeps in {@code <portal.data.dir>/demo-issuer-keys.properties} (demo mode): a fully
 * vaccinated holder (final dose 60 days before the portal's today), a fresh {@code jti} for every
 * token. Issuers take turns. Signing costs CPU on the machine that also runs the server, so a
 * step's tokens are made before the step, outside the measured time.
 */
public final class TokenMint {
  private record Signer(String issuer, String kid, ECPrivateKey key) {}

  private final List<Signer> signers = new ArrayList<>();
  private final String run;
  private final AtomicLong sequence = new AtomicLong();

  /** A signed token and its nonce. */
  public record Token(String compact, String nonce) {}

  public TokenMint(Path dataDir, String run) throws IOException {
    this.run = run;
    Path file = dataDir.resolve("demo-issuer-keys.properties");
    Properties keys = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      keys.load(in);
    }
    TreeSet<String> issuers = new TreeSet<>();
    for (String name : keys.stringPropertyNames()) {
      if (name.endsWith(".kid")) {
        issuers.add(name.substring(0, name.length() - ".kid".length()));
      }
    }
    for (String issuer : issuers) {
      String key = keys.getProperty(issuer + ".private");
      if (key != null) {
        signers.add(
            new Signer(issuer, keys.getProperty(issuer + ".kid"), PassKeys.parsePrivate(key)));
      }
    }
    if (signers.isEmpty()) {
      throw new IllegalStateException("no demo issuer keys in " + file);
    }
  }

  /**
   * {@code count} tokens, token {@code i} issued at {@code issuedAt(i)} (the portal's clock),
   * signed on all cores.
   */
  public Token[] mint(int count, java.util.function.IntFunction<Instant> issuedAt) {
    long first = sequence.getAndAdd(count);
    Token[] tokens = new Token[count];
    IntStream.range(0, count)
        .parallel()
        .forEach(i -> tokens[i] = token(first + i, issuedAt.apply(i)));
    return tokens;
  }

  private Token token(long n, Instant issuedAt) {
    Signer signer = signers.get((int) (n % signers.size()));
    LocalDate today = issuedAt.atZone(Kst.ZONE).toLocalDate();
    PassFacts vaccinated = new PassFacts(today.minusDays(60), null, null, null, null, 1985);
    String nonce = "bench-" + run + "-" + n;
    String holder = "bench-holder-" + (n % 1_000_000);
    String compact =
        PassToken.sign(
            signer.key(), signer.kid(), signer.issuer(), holder, vaccinated, issuedAt, nonce);
    return new Token(compact, nonce);
  }
}
