package kr.vaccinepass.portal.identity.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * Slow salted hashes of passwords: Jakarta Security's PBKDF2 with HMAC-SHA512, 210,000 iterations
 * (OWASP Password Storage Cheat Sheet, 2023) and a 32-byte random salt. The stored form names
 * algorithm, iterations and salt, so the iteration count can be raised later
 * (portal.password.iterations) without breaking existing hashes.
 */
@ApplicationScoped
public class PasswordHashing {
  @Inject Pbkdf2PasswordHash pbkdf2;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations",
                String.valueOf(PortalConfig.integer("portal.password.iterations", 210_000)),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String storedHash) {
    return pbkdf2.verify(password.toCharArray(), storedHash);
  }
}
