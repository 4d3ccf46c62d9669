package kr.vaccinepass.portal.audit.domain;

/** A field of personal data a read showed, as it was shown (masked or in full). */
public enum PersonalField {
  VISITOR_NAME_MASKED,
  VISITOR_PHONE_MASKED,
  SAFETY_NUMBER_MASKED,
  VISITOR_NAME,
  VISITOR_PHONE,
  VISITOR_BIRTH_DATE,
  SAFETY_NUMBER,
  /** A QR visitor's pseudonymous holder id (only its issuer can tell whose it is). */
  HOLDER_ID,
  OPERATOR_CONTACT
}
