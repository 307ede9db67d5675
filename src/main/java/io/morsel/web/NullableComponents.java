package io.morsel.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Marks the properties of records that may be {@code null} as nullable in the OpenAPI document, read from jspecify's
 * {@link Nullable} on the record's components: in our {@code @NullMarked} packages everything else is never null.
 * The annotation is a type annotation, which Jackson's and swagger's property introspection do not see.
 */
@Component
class NullableComponents implements ModelConverter {

	@Override
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		var schema = chain.next().resolve(type, context, chain);
		var raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (schema == null || !raw.isRecord()) {
			return schema;
		}
		// A model springdoc refers to by name is defined in the context, and answered here as its reference.
		var model = schema.get$ref() == null ? schema
				: context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		var properties = model == null ? null : properties(model);
		if (properties == null) {
			return schema;
		}
		for (var component : raw.getRecordComponents()) {
			var property = properties.get(component.getName());
			if (property != null && component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				properties.put(component.getName(), nullable(property));
			}
		}
		return schema;
	}

	private static Schema<?> nullable(Schema<?> property) {
		return property.get$ref() == null ? property.nullable(true) : nullableReference(property.get$ref());
	}

	/**
	 * A reference that may be null. OpenAPI 3.0 ignores {@code nullable} beside a {@code $ref}, and inside
	 * {@code allOf} the referred schema still refuses null (3.0.3's reading, and the validators'); so: the referred
	 * schema, or null alone ({@code nullable} with {@code enum: [null]}, as 3.0.3 spells it).
	 */
	static Schema<?> nullableReference(String ref) {
		var onlyNull = new Schema<Object>().type("object").nullable(true);
		onlyNull.setEnum(java.util.Arrays.asList((Object) null));
		return new ComposedSchema().anyOf(List.of(new Schema<>().$ref(ref), onlyNull));
	}

	/** The properties of a plain object, or of the part of a subtype's {@code allOf} that declares its own. */
	private static @Nullable Map<String, Schema> properties(Schema<?> schema) {
		if (schema.getProperties() != null) {
			return schema.getProperties();
		}
		if (schema.getAllOf() != null) {
			for (var part : schema.getAllOf()) {
				if (part.getProperties() != null) {
					return part.getProperties();
				}
			}
		}
		return null;
	}
}
