package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a string attribute as an AES-GCM ciphertext: {@code @Convert(converter = ...)}. */
@Converter
public class EncryptedText implements AttributeConverter<String, String> {
  @Override
  public String convertToDatabaseColumn(String attribute) {
    // a visit without personal data (a QR check-in) must not need the key
    return attribute == null ? null : PersonalDataCipher.configured().encrypt(attribute);
  }

  @Override
  public String convertToEntityAttribute(String dbData) {
    return dbData == null ? null : PersonalDataCipher.configured().decrypt(dbData);
  }
}
