package kr.vaccinepass.portal.facility.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The text is a business registration number with a right check digit (blank passes). */
@Documented
@Constraint(validatedBy = ValidBusinessNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidBusinessNumber {
  String message() default "{facility.businessNumber.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Validates with {@link BusinessRegistrationNumber#isValid(String)}. */
  class Validator implements ConstraintValidator<ValidBusinessNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || BusinessRegistrationNumber.isValid(value);
    }
  }
}
