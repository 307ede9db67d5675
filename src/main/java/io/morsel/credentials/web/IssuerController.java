package io.morsel.credentials.web;

import io.morsel.credentials.IssuerDocuments;
import io.morsel.shared.NotFoundException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuer's public documents. did:web resolves {@code did:web:<host>:credentials:issuers:<slug>} to
 * {@code https://<host>/credentials/issuers/<slug>/did.json}; the JWK set holds the same keys for JOSE verifiers.
 * Short cache lifetimes: a rotation must show within minutes.
 */
@RestController
class IssuerController {

	private static final MediaType DID_JSON = MediaType.parseMediaType("application/did+json");
	private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");
	private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final IssuerDocuments documents;

	IssuerController(IssuerDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/credentials/issuers/{slug}/did.json")
	ResponseEntity<Map<String, Object>> did(@PathVariable String slug) {
		return answer(DID_JSON, documents.didDocument(slug)
			.orElseThrow(() -> new NotFoundException("not-found.issuer")));
	}

	@GetMapping("/credentials/issuers/{slug}/jwks.json")
	ResponseEntity<Map<String, Object>> jwks(@PathVariable String slug) {
		return answer(JWK_SET, documents.jwks(slug).orElseThrow(() -> new NotFoundException("not-found.issuer")));
	}

	@GetMapping("/credentials/issuers/{slug}")
	ResponseEntity<Map<String, Object>> profile(@PathVariable String slug) {
		return answer(MediaType.APPLICATION_JSON,
				documents.profile(slug).orElseThrow(() -> new NotFoundException("not-found.issuer")));
	}

	private static ResponseEntity<Map<String, Object>> answer(MediaType type, Map<String, Object> body) {
		return ResponseEntity.ok().contentType(type).cacheControl(FIVE_MINUTES).body(body);
	}
}
