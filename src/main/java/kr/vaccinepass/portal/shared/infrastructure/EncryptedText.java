package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a string attribute as an AES-GCM ciphertext: {@code @Convert(converter = ...)}. */
@Converter
public class EncryptedText implements AttributeConverter<String, String> {
  @Override
  public String convertToDatabaseColumn(String attribute) {
    return PersonalDataCipher.configured().encrypt(attribute);
  }

  @Override
  public String convertToEntityAttribute(String dbData) {
    return PersonalDataCipher.configured().decrypt(dbData);
  }
}
