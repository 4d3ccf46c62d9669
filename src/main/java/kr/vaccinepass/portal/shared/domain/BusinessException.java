package kr.vaccinepass.portal.shared.domain;

import java.util.ArrayList;
import java.util.List;
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
  private final transient List<BusinessException> alsoRefused = new ArrayList<>();

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

  /**
   * All the refusals of one request together, so that a form reports every error in one round: the
   * first is thrown, carrying the others ({@link #all()}); none, nothing to throw.
   */
  public static Optional<BusinessException> together(List<BusinessException> refusals) {
    if (refusals.isEmpty()) {
      return Optional.empty();
    }
    BusinessException first = refusals.get(0);
    first.alsoRefused.addAll(refusals.subList(1, refusals.size()));
    return Optional.of(first);
  }

  /** This refusal and those raised with it ({@link #together}), in order. */
  public List<BusinessException> all() {
    List<BusinessException> all = new ArrayList<>();
    all.add(this);
    all.addAll(alsoRefused);
    return List.copyOf(all);
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
