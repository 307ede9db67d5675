package io.morsel.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * A JSON-LD document as canonical N-Quads: JSON-LD to RDF by Titanium JSON-LD, then RDF Dataset Canonicalization
 * (RDFC-1.0, SHA-256) by titanium-rdfc, as the eddsa-rdfc-2022 cryptosuite transforms documents. Contexts come from
 * {@link BundledContexts} only, and a term no context defines is an error rather than silently dropped: a signature
 * over a document must cover every statement it appears to make.
 */
final class Canonical {

	/**
	 * Made once: {@code Json.createReader} looks the JSON-P provider up through the ServiceLoader on every call, a
	 * class-path scan that took 15–18% of a verification in a profile of bench/credentials.
	 */
	private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

	/** One set of options for every call: the kept contexts carry them, so they must not differ between calls. */
	private static final JsonLdOptions OPTIONS = options();

	private static final ProcessedContexts CONTEXTS = new ProcessedContexts(OPTIONS);

	private Canonical() {
	}

	/**
	 * The document's canonical N-Quads.
	 *
	 * @throws UnreadableCredentialException when the document is not JSON-LD Morsel can read
	 */
	static String nquads(String json) {
		var object = parse(json);
		return canonical(() -> {
			var expanded = CONTEXTS.expand(object);
			var canon = RdfCanon.create("SHA-256");
			if (expanded.isPresent()) {
				ToRdfProcessor.toRdf(canon, expanded.get(), OPTIONS);
			}
			else {
				JsonLd.toRdf(JsonDocument.of(object)).options(OPTIONS).provide(canon);
			}
			return canon;
		});
	}

	/**
	 * The same N-Quads by Titanium's public API alone, processing every context anew: what {@link #nquads} must
	 * always equal (CanonicalTests).
	 */
	static String nquadsProcessingContextsAnew(String json) {
		var object = parse(json);
		return canonical(() -> {
			var canon = RdfCanon.create("SHA-256");
			JsonLd.toRdf(JsonDocument.of(object)).options(OPTIONS).provide(canon);
			return canon;
		});
	}

	private static JsonLdOptions options() {
		var options = new JsonLdOptions(BundledContexts.INSTANCE);
		options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
		return options;
	}

	private static JsonObject parse(String json) {
		try (var reader = READERS.createReader(new StringReader(json))) {
			return reader.readObject();
		}
		catch (RuntimeException e) {
			throw new UnreadableCredentialException("credentials.refused.document-not-json-object");
		}
	}

	private interface ToCanonicalRdf {

		RdfCanon dataset() throws JsonLdError, RdfConsumerException;
	}

	private static String canonical(ToCanonicalRdf toRdf) {
		try {
			var canon = toRdf.dataset();
			var out = new StringWriter();
			canon.provide(new NQuadsWriter(out));
			return out.toString();
		}
		catch (JsonLdError e) {
			// Titanium wraps the loader's refusal: the innermost message names the context.
			Throwable cause = e;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			throw new UnreadableCredentialException("credentials.refused.document-not-json-ld-morsel-can",
					e.getCode(), cause.getMessage());
		}
		catch (RdfConsumerException e) {
			throw new IllegalStateException("Writing N-Quads to a string cannot fail", e);
		}
	}
}
