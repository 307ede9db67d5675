package io.morsel.web;

import io.morsel.shared.InvalidValueException;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;

/**
 * The dates Morsel accepts from outside, from the year 1900 to the year 9999: what ISO 8601 writes with four digits,
 * and far inside what PostgreSQL and H2 store. A date outside is a typo (a due date in the year 999999999 fails on
 * PostgreSQL, and H2 would keep it), refused with this rule's message by the API ({@link JsonInputRules}) and by forms
 * ({@link FormInputRules}).
 */
final class DateRange {

	static final int FIRST_YEAR = 1900;
	static final int LAST_YEAR = 9999;

	private static final Instant FIRST = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
	private static final Instant AFTER_LAST = Instant.parse(LAST_YEAR + "-12-31T23:59:59Z").plusSeconds(1);

	private DateRange() {
	}

	/** Refuses a date or time outside the range, naming the field (when known). */
	static void check(TemporalAccessor value, @Nullable String field) {
		if (!within(value)) {
			throw new InvalidValueException("web.refused.must-lie-between-years",
					(field == null ? "A date" : "The date '" + field + "'"), FIRST_YEAR, LAST_YEAR);
		}
	}

	static boolean within(TemporalAccessor value) {
		if (value instanceof Instant instant) {
			return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
		}
		if (value.isSupported(ChronoField.YEAR)) {
			var year = value.get(ChronoField.YEAR);
			return year >= FIRST_YEAR && year <= LAST_YEAR;
		}
		return true;
	}

	/** {@code @DateTimeFormat} as Spring parses it, then checked against the range. */
	static final class Formats implements AnnotationFormatterFactory<DateTimeFormat> {

		private final Jsr310DateTimeFormatAnnotationFormatterFactory standard = new Jsr310DateTimeFormatAnnotationFormatterFactory();

		@Override
		public Set<Class<?>> getFieldTypes() {
			return standard.getFieldTypes();
		}

		@Override
		public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
			return standard.getPrinter(annotation, fieldType);
		}

		@Override
		public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
			var parser = standard.getParser(annotation, fieldType);
			return (String text, Locale locale) -> {
				var value = parser.parse(text, locale);
				if (value instanceof TemporalAccessor temporal) {
					check(temporal, null);
				}
				return value;
			};
		}
	}
}
