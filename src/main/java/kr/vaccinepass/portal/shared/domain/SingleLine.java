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
 * A one-line text as people type it (a name, an address, a label, a title): no control characters
 * at all (no line break, tab, NUL, escape…) and no bidirectional overrides, which would let a name
 * read differently on screen, in a PDF notice or in an export than it is stored. Null passes.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {
  String message() default "{text.singleLine.controlCharacters}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Validates with {@link TextRules#isSingleLine(CharSequence)}. */
  class Validator implements ConstraintValidator<SingleLine, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || TextRules.isSingleLine(value);
    }
  }
}
