package io.morsel.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-LD expansion of documents whose top-level {@code @context} is a list of bundled context addresses, with that
 * context processed once and kept, instead of on every call (a third of signing and verifying in a profile; ADR
 * 0036). Titanium 1.7 has no public way to start an expansion from an active context built earlier, so this is the
 * one place that uses its internal expansion API; it follows Titanium's own {@code ExpansionProcessor.expand} step for
 * step, minus the document's own {@code @context} (spec step 9 of the expansion algorithm), which the kept context
 * already is. CanonicalTests holds its N-Quads to the plain path's byte for byte.
 *
 * <p>
 * Only lists of distinct bundled addresses are kept, so there are at most 64 entries (the orderings of four
 * addresses) whatever anyone posts; an inline context or anything else goes through the plain path. A kept active
 * context is never changed after it is built: Titanium copies an active context before every change (type- and
 * property-scoped contexts included), so one instance serves every thread.
 */
final class ProcessedContexts {

	/** Made once: {@code Json.createObjectBuilder} looks the JSON-P provider up on every call (see Canonical). */
	private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

	private final JsonLdOptions options;

	private final Map<List<String>, ActiveContext> kept = new ConcurrentHashMap<>();

	ProcessedContexts(JsonLdOptions options) {
		this.options = options;
	}

	/**
	 * The document expanded with its kept context, or empty when its context is not a list of distinct bundled
	 * addresses (the caller then takes the plain path).
	 */
	Optional<JsonArray> expand(JsonObject document) throws JsonLdError {
		var addresses = bundledAddresses(document.get(Keywords.CONTEXT));
		if (addresses.isEmpty()) {
			return Optional.empty();
		}
		var context = kept.get(addresses.get());
		if (context == null) {
			context = process(addresses.get());
			kept.putIfAbsent(addresses.get(), context);
		}
		var rest = BUILDERS.createObjectBuilder(document).remove(Keywords.CONTEXT).build();
		// ExpansionProcessor.expand, steps 8 to 8.3: no document URL and no base option, so no base URL.
		var expanded = Expansion.with(context, rest, null, null)
			.frameExpansion(false)
			.ordered(options.isOrdered())
			.compute();
		if (JsonUtils.isObject(expanded)) {
			var object = expanded.asJsonObject();
			if (object.size() == 1 && object.containsKey(Keywords.GRAPH)) {
				expanded = object.get(Keywords.GRAPH);
			}
		}
		if (JsonUtils.isNull(expanded)) {
			return Optional.of(JsonValue.EMPTY_JSON_ARRAY);
		}
		return Optional.of(JsonUtils.toJsonArray(expanded));
	}

	/** How many distinct contexts are kept. */
	int size() {
		return kept.size();
	}

	private ActiveContext process(List<String> addresses) throws JsonLdError {
		// As ExpansionProcessor.expand starts (step 5) and ObjectExpansion processes a document's @context (step 9).
		var empty = new ActiveContext(null, null, ProcessingRuntime.of(options));
		var local = BUILDERS.createArrayBuilder();
		addresses.forEach(local::add);
		return empty.newContext().create(local.build(), null);
	}

	private static Optional<List<String>> bundledAddresses(JsonValue context) {
		if (context == null) {
			return Optional.empty();
		}
		var values = context.getValueType() == JsonValue.ValueType.ARRAY ? context.asJsonArray() : List.of(context);
		var known = BundledContexts.INSTANCE.known();
		var addresses = new ArrayList<String>(values.size());
		var seen = new HashSet<String>();
		for (var value : values) {
			if (!(value instanceof JsonString address) || !known.contains(address.getString())
					|| !seen.add(address.getString())) {
				return Optional.empty();
			}
			addresses.add(address.getString());
		}
		return addresses.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(addresses));
	}
}
