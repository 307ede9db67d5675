package io.morsel.web;

import io.morsel.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The rules every JSON body obeys as it is read, whatever record it binds to: no control characters in strings or
 * field names but tab and line breaks (the same rule as {@link ControlCharacters} for forms), and dates within
 * {@link DateRange}. A broken rule fails the read with an {@link IllegalArgumentException}, which the API answers as a
 * {@code /problems/validation} problem naming the field. The lesson import and the editor's interaction JSON are
 * read by the same mapper, so they obey the same rules.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputRules {

	/** How a refusal names a value that is not a field of an object (an item of an array, a whole body). */
	private static final String NAMELESS = "(value)";

	@Bean
	JacksonModule morselInputRules() {
		var module = new SimpleModule("morsel-input-rules");
		module.addDeserializer(String.class, new Text());
		module.addKeyDeserializer(String.class, new FieldName());
		module.addDeserializer(Instant.class, new Dated<>(InstantDeserializer.INSTANT));
		module.addDeserializer(OffsetDateTime.class, new Dated<>(InstantDeserializer.OFFSET_DATE_TIME));
		module.addDeserializer(ZonedDateTime.class, new Dated<>(InstantDeserializer.ZONED_DATE_TIME));
		module.addDeserializer(LocalDate.class, new Dated<>(LocalDateDeserializer.INSTANCE));
		module.addDeserializer(LocalDateTime.class, new Dated<>(LocalDateTimeDeserializer.INSTANCE));
		return module;
	}

	private static void checkText(String text, @Nullable String field) {
		var refused = ControlCharacters.refused(text);
		if (refused >= 0) {
			throw new InvalidValueException("web.refused.control-character", field == null ? NAMELESS : field,
					"%04X".formatted(refused));
		}
	}

	/** Strings as Jackson reads them, then checked. */
	private static final class Text extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			var value = super.deserialize(p, ctxt);
			if (value != null) {
				checkText(value, p.currentName());
			}
			return value;
		}
	}

	/** Map keys, such as the pairs of a matching answer. */
	private static final class FieldName extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			checkText(key, "(a key)");
			return key;
		}
	}

	/** A java.time value as Jackson reads it (formats included), then checked against the range. */
	private static final class Dated<T extends TemporalAccessor> extends ValueDeserializer<T> {

		private final ValueDeserializer<T> standard;

		Dated(ValueDeserializer<T> standard) {
			this.standard = standard;
		}

		@Override
		public T deserialize(JsonParser p, DeserializationContext ctxt) {
			var value = standard.deserialize(p, ctxt);
			if (value != null) {
				DateRange.check(value, p.currentName());
			}
			return value;
		}

		@Override
		@SuppressWarnings("unchecked")
		public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
			var contextual = (ValueDeserializer<T>) standard.createContextual(ctxt, property);
			return contextual == standard ? this : new Dated<>(contextual);
		}

		@Override
		public Class<?> handledType() {
			return standard.handledType();
		}

		@Override
		public LogicalType logicalType() {
			return standard.logicalType();
		}
	}
}
