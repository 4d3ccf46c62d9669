package kr.vaccinepass.portal.shared.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data at rest (visitors' names and phone numbers). The key ring comes
 * from {@code portal.data.keys}: {@code id:base64key[,id:base64key...]}, the first key encrypts,
 * every key decrypts. A ciphertext is {@code id.base64url(iv || ciphertext || tag)}, so rotating is
 * prepending a new key; records under an old key are destroyed by retention within 28 days, after
 * which the old key can go (docs/operations.md).
 */
public final class PersonalDataCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile PersonalDataCipher configured;

  private final String activeId;
  private final Map<String, SecretKey> keys;

  public PersonalDataCipher(String keyRing) {
    if (keyRing == null || keyRing.isBlank()) {
      throw new IllegalStateException(
          "portal.data.keys (PORTAL_DATA_KEYS) is not set: personal data cannot be stored");
    }
    Map<String, SecretKey> ring = new LinkedHashMap<>();
    for (String entry : keyRing.split(",")) {
      String[] parts = entry.trim().split(":", 2);
      if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,16}")) {
        throw new IllegalStateException(
            "portal.data.keys: each key is id:base64 (id of 1-16 letters)");
      }
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(parts[1].trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("portal.data.keys: key " + parts[0] + " is not base64");
      }
      if (raw.length != 32) {
        throw new IllegalStateException("portal.data.keys: key " + parts[0] + " is not 256 bits");
      }
      // A record names its key by id: under a repeated id one of the keys could never decrypt.
      if (ring.put(parts[0], new SecretKeySpec(raw, "AES")) != null) {
        throw new IllegalStateException("portal.data.keys: key id " + parts[0] + " appears twice");
      }
    }
    this.activeId = ring.keySet().iterator().next();
    this.keys = Map.copyOf(ring);
  }

  /** The cipher of this server's configuration, made on first use. */
  public static PersonalDataCipher configured() {
    PersonalDataCipher cipher = configured;
    if (cipher == null) {
      synchronized (PersonalDataCipher.class) {
        if (configured == null) {
          configured = new PersonalDataCipher(PortalConfig.get("portal.data.keys").orElse(null));
        }
        cipher = configured;
      }
    }
    return cipher;
  }

  /** A new random key in the form portal.data.keys takes, for set-up and rotation. */
  public static String newKey(String id) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return id + ":" + Base64.getEncoder().encodeToString(raw);
  }

  /**
   * Encrypts with the key id alone as associated data: for values that belong to no row of personal
   * data (the portal's own signing keys) and the rows written before V32.
   */
  public String encrypt(String plaintext) {
    return plaintext == null ? null : encrypt(plaintext, "");
  }

  /** Decrypts what {@link #encrypt} wrote. */
  public String decrypt(String stored) {
    return stored == null ? null : decrypt(stored, "");
  }

  /**
   * Encrypts one personal field of one row: the associated data is the key id, the field
   * ("visit.visitor_phone") and the row's key, so the value opens only there.
   */
  public String seal(String field, UUID row, String plaintext) {
    return plaintext == null ? null : encrypt(plaintext, place(field, row));
  }

  /** Opens what {@link #seal} wrote at this field and row; refuses it anywhere else. */
  public String open(String field, UUID row, String stored) {
    return stored == null ? null : decrypt(stored, place(field, row));
  }

  private static String place(String field, UUID row) {
    if (field == null || field.isBlank() || row == null) {
      throw new IllegalArgumentException("a sealed value names its field and row");
    }
    return "|" + field + "|" + row;
  }

  private String encrypt(String plaintext, String place) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD((activeId + place).getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return activeId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private String decrypt(String stored, String place) {
    int dot = stored.indexOf('.');
    SecretKey key = dot > 0 ? keys.get(stored.substring(0, dot)) : null;
    if (key == null) {
      throw new IllegalStateException("no key in portal.data.keys for this record");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(stored.substring(dot + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD((stored.substring(0, dot) + place).getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a personal-data field could not be decrypted", e);
    }
  }
}
