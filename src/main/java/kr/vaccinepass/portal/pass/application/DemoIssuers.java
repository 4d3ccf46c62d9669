package kr.vaccinepass.portal.pass.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.TrustListRepository;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * The embedded demo's stand-ins for the real issuers: at first start in demo mode it makes one
 * P-256 key pair per issuer, puts the public key in the trust list (marked demo, so a portal not in
 * demo mode never trusts it) and keeps the private key in {@code portal.data.dir} (or only in
 * memory when none is set). Nothing happens unless {@code portal.demo=true}; private keys never
 * reach the database.
 */
@ApplicationScoped
public class DemoIssuers {
  private static final Logger LOG = Logger.getLogger(DemoIssuers.class.getName());
  private static final String FILE = "demo-issuer-keys.properties";
  private static final Instant PASS_ERA = Instant.parse("2021-10-01T00:00:00Z");

  @Inject TrustListRepository repository;
  @Inject TrustList trustList;
  @Inject Clock clock;

  private final Map<String, Signer> signers = new ConcurrentHashMap<>();

  /** What the demo wallet signs with. */
  public record Signer(String issuerCode, String kid, ECPrivateKey key) {}

  /**
   * A key id as issuers write them, lower case letters, digits and hyphens (demo-coov-3f9a0c1b),
   * not the portal's issuer code: a random part in Base64 (upper case, underscores) would now and
   * then read like a code on the trust-list page.
   */
  static String newKid(String issuerCode) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return "demo-"
        + issuerCode.toLowerCase(Locale.ROOT).replace('_', '-')
        + "-"
        + java.util.HexFormat.of().formatHex(random);
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  public boolean enabled() {
    return PortalConfig.flag("portal.demo");
  }

  @Transactional
  void start(@Observes @Priority(200) SchemaReady ready) {
    if (!enabled()) {
      return;
    }
    Properties stored = load();
    boolean dirty = false;
    for (PassIssuer issuer : repository.issuers()) {
      String code = issuer.getCode();
      String kid = stored.getProperty(code + ".kid");
      String privateKey = stored.getProperty(code + ".private");
      Optional<IssuerKey> known = kid == null ? Optional.empty() : repository.key(kid);
      if (privateKey == null || known.isEmpty() || known.get().isRevoked()) {
        KeyPair pair = PassKeys.generate();
        Instant now = clock.instant();
        kid = newKid(code);
        privateKey = PassKeys.encodePrivate((ECPrivateKey) pair.getPrivate());
        repository.add(
            IssuerKey.add(
                kid,
                code,
                PassKeys.encodePublic((ECPublicKey) pair.getPublic()),
                // a demo clock may stand anywhere in the pass era: the key covers all of it
                PASS_ERA,
                null,
                true,
                null,
                now));
        stored.setProperty(code + ".kid", kid);
        stored.setProperty(code + ".private", privateKey);
        dirty = true;
      }
      signers.put(code, new Signer(code, kid, PassKeys.parsePrivate(privateKey)));
    }
    if (dirty) {
      save(stored);
      LOG.info("Demo issuer keys made for " + signers.keySet());
    }
  }

  void reloadTrust(@Observes @Priority(300) SchemaReady ready) {
    if (enabled()) {
      trustList.reload();
    }
  }

  public Optional<Signer> signer(String issuerCode) {
    return enabled() ? Optional.ofNullable(signers.get(issuerCode)) : Optional.empty();
  }

  private static Optional<Path> file() {
    return PortalConfig.get("portal.data.dir").map(dir -> Path.of(dir).resolve(FILE));
  }

  private static Properties load() {
    Properties properties = new Properties();
    Optional<Path> file = file();
    if (file.isPresent() && Files.exists(file.get())) {
      try (Reader in = Files.newBufferedReader(file.get())) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return properties;
  }

  private static void save(Properties properties) {
    Optional<Path> file = file();
    if (file.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.get().getParent());
      try (Writer out = Files.newBufferedWriter(file.get())) {
        properties.store(out, "demo issuers' private keys: demo mode only, never in production");
      }
      Files.setPosixFilePermissions(file.get(), PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warning("Demo issuer keys kept in memory only: " + e.getMessage());
    }
  }
}
