package io.morsel.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Writes alternatives into the OpenAPI document as exactly-one-of, which springdoc does not on its own:
 * <ul>
 * <li>a type whose JSON names its kind ({@code @JsonTypeInfo} by name with {@code @JsonSubTypes}, such as a lesson's
 * blocks and interactions) is a {@code oneOf} of its kinds with a discriminator, each kind an object whose type
 * property holds its name alone;</li>
 * <li>a request schema with the extension {@value #EXACTLY_ONE_OF} (a list of field names, set with
 * {@code @Schema(extensions = ...)}) must have exactly one of those fields.</li>
 * </ul>
 */
@Component
class Alternatives implements OpenApiCustomizer {

	static final String EXACTLY_ONE_OF = "x-exactly-one-of";

	private static final String REFS = "#/components/schemas/";

	/** Found when the API document is first asked for: the classpath scan is not work for the node's start. */
	private final SingletonSupplier<List<Class<?>>> unions = SingletonSupplier.of(Alternatives::unions);

	private static List<Class<?>> unions() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(JsonSubTypes.class));
		return scanner.findCandidateComponents("io.morsel")
			.stream()
			.<Class<?>>map(definition -> ClassUtils.resolveClassName(String.valueOf(definition.getBeanClassName()), null))
			.filter(type -> type.isAnnotationPresent(JsonTypeInfo.class)
					&& type.getAnnotation(JsonTypeInfo.class).use() == JsonTypeInfo.Id.NAME)
			.toList();
	}

	@Override
	public void customise(OpenAPI api) {
		var schemas = api.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		for (var union : unions.obtain()) {
			var name = schemaName(union);
			if (schemas.containsKey(name)) {
				writeUnion(union, name, schemas);
			}
		}
		schemas.values().forEach(Alternatives::exactlyOneOf);
	}

	private void writeUnion(Class<?> union, String name, Map<String, Schema> schemas) {
		var property = union.getAnnotation(JsonTypeInfo.class).property();
		var mapping = new LinkedHashMap<String, String>();
		var kinds = new ArrayList<Schema>();
		for (var kind : union.getAnnotation(JsonSubTypes.class).value()) {
			var kindName = schemaName(kind.value());
			var schema = schemas.get(kindName);
			if (schema == null) {
				continue;
			}
			schemas.put(kindName, tagged(schema, property, kind.name()));
			mapping.put(kind.name(), REFS + kindName);
			kinds.add(new Schema<>().$ref(REFS + kindName));
		}
		var base = schemas.get(name);
		schemas.put(name, new ComposedSchema().oneOf(kinds)
			.discriminator(new Discriminator().propertyName(property).mapping(mapping))
			.description(base.getDescription()));
		var refs = new LinkedHashSet<>(mapping.values());
		schemas.values().forEach(schema -> referToUnion(schema, refs, REFS + name));
	}

	/** A kind as a plain object (not {@code allOf} the union, which is now a {@code oneOf} of the kinds). */
	private static Schema<?> tagged(Schema<?> kind, String property, String name) {
		var own = kind.getAllOf() == null ? kind
				: kind.getAllOf().stream().filter(part -> part.get$ref() == null).findFirst().orElse(new ObjectSchema());
		var properties = new LinkedHashMap<String, Schema>();
		properties.put(property, new StringSchema()._enum(List.of(name)));
		if (own.getProperties() != null) {
			own.getProperties().forEach((key, value) -> {
				if (!key.equals(property)) {
					properties.put(key, value);
				}
			});
		}
		var required = new ArrayList<String>();
		required.add(property);
		if (own.getRequired() != null) {
			own.getRequired().stream().filter(r -> !r.equals(property)).forEach(required::add);
		}
		var tagged = new ObjectSchema().description(kind.getDescription() != null ? kind.getDescription()
				: own.getDescription());
		tagged.setProperties(properties);
		tagged.setRequired(required);
		return tagged;
	}

	/** Springdoc writes a property of the union's type as an inline {@code oneOf} of its kinds: a reference reads better. */
	private static void referToUnion(Schema<?> schema, Set<String> kinds, String union) {
		if (schema.getProperties() != null) {
			schema.getProperties().replaceAll((key, property) -> unionOr(property, kinds, union));
			schema.getProperties().values().forEach(property -> referToUnion(property, kinds, union));
		}
		if (schema.getItems() != null) {
			schema.setItems(unionOr(schema.getItems(), kinds, union));
			referToUnion(schema.getItems(), kinds, union);
		}
		for (var parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
			if (parts != null) {
				parts.forEach(part -> referToUnion(part, kinds, union));
			}
		}
	}

	private static Schema unionOr(Schema<?> schema, Set<String> kinds, String union) {
		if (schema.getOneOf() == null) {
			return schema;
		}
		var refs = new LinkedHashSet<String>();
		schema.getOneOf().forEach(part -> refs.add(part.get$ref()));
		if (!refs.equals(kinds)) {
			return schema;
		}
		return Boolean.TRUE.equals(schema.getNullable()) ? NullableComponents.nullableReference(union)
				: new Schema<>().$ref(union).description(schema.getDescription());
	}

	/**
	 * One branch per field, requiring it alone: a branch with properties of its own would refuse the request's other
	 * fields wherever a validator takes undeclared properties for unknown ones, as Morsel does.
	 */
	private static void exactlyOneOf(Schema<?> schema) {
		if (schema.getExtensions() == null || !schema.getExtensions().containsKey(EXACTLY_ONE_OF)) {
			return;
		}
		var declared = schema.getExtensions().remove(EXACTLY_ONE_OF);
		var fields = declared instanceof Map<?, ?> properties ? properties.get("fields") : declared;
		var branches = new ArrayList<Schema>();
		for (var field : String.valueOf(fields).split(",")) {
			branches.add(new Schema<>().required(List.of(field.strip())));
		}
		schema.setOneOf(branches);
		if (schema.getExtensions().isEmpty()) {
			schema.setExtensions(null);
		}
	}

	private static String schemaName(Class<?> type) {
		var annotated = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
		return annotated != null && !annotated.name().isEmpty() ? annotated.name() : type.getSimpleName();
	}
}
