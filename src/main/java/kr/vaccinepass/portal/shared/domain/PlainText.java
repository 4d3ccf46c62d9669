package kr.vaccinepass.portal.shared.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of several lines (a note, an opinion, grounds): line breaks and tabs are fine, other
 * control characters (NUL, which PostgreSQL refuses in a text, escape, backspace…) and
 * bidirectional overrides are not. Null passes.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {
  String message() default "{text.plain.controlCharacters}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Validates with {@link TextRules#isPlainText(CharSequence)}. */
  class Validator implements ConstraintValidator<PlainText, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || TextRules.isPlainText(value);
    }
  }
}
