package io.morsel.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
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

	private Canonical() {
	}

	/**
	 * The document's canonical N-Quads.
	 *
	 * @throws UnreadableCredentialException when the document is not JSON-LD Morsel can read
	 */
	static String nquads(String json) {
		JsonObject object;
		try (var reader = READERS.createReader(new StringReader(json))) {
			object = reader.readObject();
		}
		catch (RuntimeException e) {
			throw new UnreadableCredentialException("credentials.refused.document-not-json-object");
		}
		try {
			var options = new JsonLdOptions(BundledContexts.INSTANCE);
			options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
			var canon = RdfCanon.create("SHA-256");
			JsonLd.toRdf(JsonDocument.of(object)).options(options).provide(canon);
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
