package io.microplatform.order.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.microplatform.contracts.FieldLimits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The characters {@link FieldLimits} allows in a field, the contract every later service stores. Null and blank are
 * left to {@code @NotBlank} and lengths to {@code @Size}, so that each problem of a field is named once.
 */
@Documented
@Constraint(validatedBy = AllowedCharacters.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface AllowedCharacters {

    // each kind's rule as the OpenAPI document states it (@Schema(pattern = ..) next to this annotation): the pattern
    // the kind checks, anchored, as JSON Schema's pattern matches anywhere in a value
    String IDENTIFIER_PATTERN = "^" + FieldLimits.IDENTIFIER_PATTERN + "$";
    String TEXT_PATTERN = "^" + FieldLimits.TEXT_PATTERN + "$";
    String COUNTRY_PATTERN = "^" + FieldLimits.COUNTRY_PATTERN + "$";

    Kind value();

    // replaced by the kind's own text (fixed texts: no expressions for the message interpolator to evaluate)
    String message() default "has characters that are not allowed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        IDENTIFIER("must consist of ASCII letters, digits, '.', '_' and '-', starting with a letter or digit",
                IDENTIFIER_PATTERN),
        TEXT("must not contain control characters", TEXT_PATTERN),
        COUNTRY("must be an ISO 3166-1 alpha-2 code in capitals, like DE", COUNTRY_PATTERN);

        private final String message;
        private final String pattern;

        Kind(String message, String pattern) {
            this.message = message;
            this.pattern = pattern;
        }

        /** As the OpenAPI document states it. */
        String pattern() {
            return pattern;
        }

        boolean allows(String value) {
            return switch (this) {
                case IDENTIFIER -> FieldLimits.isIdentifier(value, Integer.MAX_VALUE);
                case TEXT -> FieldLimits.isText(value, Integer.MAX_VALUE);
                case COUNTRY -> FieldLimits.isCountry(value);
            };
        }
    }

    class Validator implements ConstraintValidator<AllowedCharacters, String> {

        private Kind kind;

        @Override
        public void initialize(AllowedCharacters annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || kind.allows(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(kind.message).addConstraintViolation();
            return false;
        }
    }
}
