package io.morsel.delivery.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * A trigger's attributes are read as {@code Map<String, Object>}, which springdoc documents as a map of objects; their
 * values are strings, numbers or booleans (delivery.Attributes), and the document says so.
 */
@Component
class AttributeValues implements OpenApiCustomizer {

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public void customise(OpenAPI api) {
		if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
			return;
		}
		Schema request = api.getComponents().getSchemas().get("TriggerRequest");
		if (request == null || request.getProperties() == null) {
			return;
		}
		Schema attributes = (Schema) request.getProperties().get("attributes");
		if (attributes == null) {
			return;
		}
		var scalar = new ComposedSchema();
		scalar.setAnyOf(List.of(new StringSchema().maxLength(500), new NumberSchema(), new BooleanSchema()));
		attributes.setType("object");
		attributes.setAdditionalProperties(scalar);
		attributes.setMaxProperties(50);
	}
}
