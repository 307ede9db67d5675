package io.morsel.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The only JSON-LD document loader Morsel uses: it knows the contexts bundled under {@code credentials/contexts} (see
 * SOURCES.md there) and refuses every other address. Never a network fetch: a verifier that fetched contexts could be
 * made to call any address, and a context changed at its source would change what a signed credential says.
 */
final class BundledContexts implements DocumentLoader {

	static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
	static final String OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
	static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
	static final String DID_V1 = "https://www.w3.org/ns/did/v1";

	static final BundledContexts INSTANCE = new BundledContexts(Map.of(
			CREDENTIALS_V2, "credentials-v2.jsonld",
			OPEN_BADGES_V3, "ob-v3p0-context-3.0.3.json",
			DATA_INTEGRITY_V2, "data-integrity-v2.jsonld",
			DID_V1, "did-v1.jsonld"));

	private final Map<String, JsonDocument> documents;

	private BundledContexts(Map<String, String> files) {
		this.documents = files.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
				e -> read(e.getKey(), e.getValue())));
	}

	/** The context addresses this loader answers. */
	Set<String> known() {
		return documents.keySet();
	}

	@Override
	public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
		var document = documents.get(url.toString());
		if (document == null) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
					"Unknown JSON-LD context " + url + ": Morsel reads only its bundled contexts " + known());
		}
		return document;
	}

	private static JsonDocument read(String url, String file) {
		try (var in = BundledContexts.class.getResourceAsStream("/credentials/contexts/" + file)) {
			if (in == null) {
				throw new IllegalStateException("The bundled context " + file + " is missing");
			}
			var document = JsonDocument.of(MediaType.JSON_LD, in);
			document.setDocumentUrl(URI.create(url));
			return document;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (JsonLdError e) {
			throw new IllegalStateException("The bundled context " + file + " is not JSON-LD", e);
		}
	}
}
