package kr.vaccinepass.portal.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.FieldSeals;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * A person who signs in. Owners sign up themselves; inspectors (bound to one 시군구) and
 * administrators are created by an administrator. The password is kept only as a slow salted hash.
 */
@Entity
@Table(name = "account")
public class Account implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  /**
   * The row's own key, which the sealed phone is bound to (FieldSeals); drawn when first stored.
   */
  @Column(name = "row_key", nullable = false, updatable = false)
  private UUID rowKey;

  // personal data: sealed to this row (FieldSeals), opened when first read
  @Column(name = "phone", nullable = false)
  private String sealedPhone;

  @Transient private String phone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "jurisdiction_code")
  private Sigungu jurisdiction;

  /** An investigator's health authority: the code of a 시도 or of a 시군구. */
  @Column(name = "health_authority_code")
  private String healthAuthorityCode;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  private Account(
      String email,
      String passwordHash,
      String displayName,
      String phone,
      Role role,
      Sigungu jurisdiction,
      Instant now) {
    this.email = normalizeEmail(email);
    this.passwordHash = passwordHash;
    this.displayName = displayName.strip();
    this.phone = phone;
    this.role = role;
    this.jurisdiction = jurisdiction;
    this.createdAt = now;
  }

  public static Account owner(
      String email, String passwordHash, String name, String phone, Instant now) {
    return new Account(email, passwordHash, name, phone, Role.OWNER, null, now);
  }

  /** An inspector acts in exactly one 시군구; an administrator in none. */
  public static Account staff(
      String email,
      String passwordHash,
      String name,
      String phone,
      Role role,
      Sigungu jurisdiction,
      Instant now) {
    if (role == Role.OWNER || role == Role.INVESTIGATOR) {
      throw BusinessException.onField("role", "account.role.staffOnly");
    }
    if (role == Role.INSPECTOR && jurisdiction == null) {
      throw BusinessException.onField("jurisdiction", "account.jurisdiction.required");
    }
    return new Account(
        email, passwordHash, name, phone, role, role == Role.INSPECTOR ? jurisdiction : null, now);
  }

  /**
   * An epidemiological investigator of a health authority (a 시도 or a 시군구, by its code, which the
   * caller has checked).
   */
  public static Account investigator(
      String email,
      String passwordHash,
      String name,
      String phone,
      String healthAuthorityCode,
      Instant now) {
    if (healthAuthorityCode == null || healthAuthorityCode.isBlank()) {
      throw BusinessException.onField("jurisdiction", "account.authority.required");
    }
    Account account = new Account(email, passwordHash, name, phone, Role.INVESTIGATOR, null, now);
    account.healthAuthorityCode = healthAuthorityCode;
    return account;
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  public Actor toActor() {
    String authority =
        role == Role.INVESTIGATOR
            ? healthAuthorityCode
            : jurisdiction == null ? null : jurisdiction.getCode();
    return new Actor(id, email, role, authority);
  }

  public void disable() {
    this.enabled = false;
  }

  public void enable() {
    this.enabled = true;
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = newHash;
  }

  public String getHealthAuthorityCode() {
    return healthAuthorityCode;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPhone() {
    if (phone == null && sealedPhone != null) {
      phone = FieldSeals.open(PHONE_FIELD, rowKey, sealedPhone);
    }
    return phone;
  }

  /** The field of personal data, as the seal names it. */
  public static final String PHONE_FIELD = "account.phone";

  /** A new account's phone, sealed to its row as it is first stored. */
  @PrePersist
  void sealPersonalData() {
    if (rowKey == null) {
      rowKey = UUID.randomUUID();
    }
    sealedPhone = FieldSeals.seal(PHONE_FIELD, rowKey, phone);
  }

  public Role getRole() {
    return role;
  }

  public Sigungu getJurisdiction() {
    return jurisdiction;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
