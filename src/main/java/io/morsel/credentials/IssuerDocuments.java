package io.morsel.credentials;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an issuer publishes about itself: its DID document (did:web, each key a Multikey under
 * {@code assertionMethod}), its JWK set (the same keys as OKP/Ed25519 JWKs, {@code kid} the DID URL), and its Open
 * Badges issuer profile. Retired keys stay in all of them.
 */
@Service
public class IssuerDocuments {

	public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
	public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

	private final Directory directory;
	private final IssuerKeys keys;
	private final PublicLinks links;

	IssuerDocuments(Directory directory, IssuerKeys keys, PublicLinks links) {
		this.directory = directory;
		this.keys = keys;
		this.links = links;
	}

	/** The organisation's DID document; empty for an unknown slug. Publishing makes the first key if none yet. */
	@Transactional
	public Optional<Map<String, Object>> didDocument(String slug) {
		return directory.profile(slug).map(organisation -> {
			keys.current(organisation.id());
			var did = links.did(slug);
			var methods = new ArrayList<Map<String, Object>>();
			var ids = new ArrayList<String>();
			for (var key : keys.published(organisation.id())) {
				var method = new LinkedHashMap<String, Object>();
				method.put("id", did + "#" + key.fragment());
				method.put("type", "Multikey");
				method.put("controller", did);
				method.put("publicKeyMultibase", key.publicKeyMultibase());
				methods.add(method);
				ids.add(did + "#" + key.fragment());
			}
			var document = new LinkedHashMap<String, Object>();
			document.put("@context", List.of(DID_CONTEXT, MULTIKEY_CONTEXT));
			document.put("id", did);
			document.put("verificationMethod", methods);
			document.put("assertionMethod", ids);
			return document;
		});
	}

	/** The organisation's JWK set; empty for an unknown slug. */
	@Transactional
	public Optional<Map<String, Object>> jwks(String slug) {
		return directory.profile(slug).map(organisation -> {
			keys.current(organisation.id());
			var did = links.did(slug);
			var jwks = new ArrayList<com.nimbusds.jose.jwk.JWK>();
			for (var key : keys.published(organisation.id())) {
				jwks.add(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.publicKey()))
					.keyID(did + "#" + key.fragment())
					.keyUse(KeyUse.SIGNATURE)
					.build());
			}
			return new JWKSet(jwks).toJSONObject(true);
		});
	}

	/** The organisation's Open Badges issuer profile (as a credential embeds it); empty for an unknown slug. */
	@Transactional(readOnly = true)
	public Optional<Map<String, Object>> profile(String slug) {
		return directory.profile(slug).map(this::profile);
	}

	Map<String, Object> profile(OrganisationProfile organisation) {
		return OpenBadgeCredentials.issuerProfile(links, organisation);
	}
}
