package io.morsel.shared;

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
 * A short line of plain text, such as a name: no markup ({@code <}, {@code >}), no control characters, none of the
 * statement punctuation ({@code ;}, {@code =}, backquote) that has no place in a name. Pages escape everything
 * anyway; this keeps such input out of the data in the first place.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{morsel.validation.plain-text}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<PlainText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isPlain(value);
		}

		/** The rule itself, for services that check text the API did not validate (form posts). */
		public static boolean isPlain(String value) {
			return value.codePoints().noneMatch(c -> c == '<' || c == '>' || c == ';' || c == '=' || c == '`'
					|| Character.isISOControl(c));
		}
	}
}
