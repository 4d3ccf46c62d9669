package kr.vaccinepass.portal.shared.domain;

import java.util.Optional;

/**
 * A refusal by a business rule. It carries a message key of the bundles (never a text) and, where
 * the refusal is about one input, the name of that field, so every caller (page, API, batch) can
 * say it in the user's language next to the right input. Unchecked: it rolls the transaction back.
 */
public class BusinessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final String field;
  private final transient Object[] arguments;

  public BusinessException(String messageKey, String field, Object... arguments) {
    super(messageKey + (field == null ? "" : " [" + field + "]"));
    this.messageKey = messageKey;
    this.field = field;
    this.arguments = arguments == null ? new Object[0] : arguments.clone();
  }

  public static BusinessException of(String messageKey) {
    return new BusinessException(messageKey, null);
  }

  public static BusinessException onField(String field, String messageKey, Object... arguments) {
    return new BusinessException(messageKey, field, arguments);
  }

  public String messageKey() {
    return messageKey;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
