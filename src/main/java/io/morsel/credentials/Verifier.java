package io.morsel.credentials;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.morsel.identity.Directory;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies an Open Badges 3.0 credential, Morsel's or anyone's: its eddsa-rdfc-2022 proof, by a key resolved without
 * the network (did:key from the DID itself; did:web only for Morsel's own issuers, from their stored keys), its
 * validity dates, its status and the fields the OB 3.0 schema requires. A document Morsel cannot read as JSON-LD is
 * refused ({@link UnreadableCredentialException}) rather than reported unverified.
 */
@Service
public class Verifier {

	private final JsonMapper json;
	private final DataIntegrityProofs proofs;
	private final PublicLinks links;
	private final Directory directory;
	private final IssuerKeys keys;
	private final StatusLists statusLists;
	private final Clock clock;

	Verifier(JsonMapper json, PublicLinks links, Directory directory, IssuerKeys keys, StatusLists statusLists,
			Clock clock) {
		this.json = json;
		this.proofs = new DataIntegrityProofs(json);
		this.links = links;
		this.directory = directory;
		this.keys = keys;
		this.statusLists = statusLists;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Verification verify(String document) {
		JsonNode tree;
		try {
			tree = json.readTree(document);
		}
		catch (JacksonException e) {
			throw new UnreadableCredentialException("credentials.refused.document-not-json");
		}
		if (!(tree instanceof ObjectNode credential)) {
			throw new UnreadableCredentialException("credentials.refused.credential-json-object");
		}
		var unsecured = credential.deepCopy();
		var proofNode = unsecured.remove("proof");
		// Read as JSON-LD first: an unknown context or undefined term is refused before anything is reported.
		Canonical.nquads(json.writeValueAsString(unsecured));
		return checked(credential, signature(unsecured, proofNode));
	}

	/**
	 * Verifies a credential in its VC-JOSE-COSE form, a compact JWS ({@code application/vc+jwt}): the JWS signature by
	 * the key its {@code kid} names (a DID URL of the issuer, resolved as for Data Integrity proofs), then the same
	 * checks of the credential it carries.
	 */
	@Transactional(readOnly = true)
	public Verification verifyJwt(String compact) {
		JWSObject jws;
		try {
			jws = JWSObject.parse(compact.strip());
		}
		catch (java.text.ParseException e) {
			throw new UnreadableCredentialException("credentials.refused.document-not-compact-jws-header-payload");
		}
		JsonNode tree;
		try {
			tree = json.readTree(jws.getPayload().toString());
		}
		catch (JacksonException e) {
			throw new UnreadableCredentialException("credentials.refused.jws-payload-not-json");
		}
		if (!(tree instanceof ObjectNode credential)) {
			throw new UnreadableCredentialException("credentials.refused.jws-payload-not-credential-json-object");
		}
		Canonical.nquads(json.writeValueAsString(credential));
		return checked(credential, jwsSignature(jws, credential));
	}

	private Verification checked(ObjectNode credential, Verification.Check signature) {
		var checks = new ArrayList<Verification.Check>();
		checks.add(signature);
		checks.add(validity(credential));
		checks.add(status(credential));
		checks.add(schema(credential));
		return Verification.of(checks);
	}

	private Verification.Check jwsSignature(JWSObject jws, ObjectNode credential) {
		var header = jws.getHeader();
		if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) && !"Ed25519".equals(header.getAlgorithm().getName())) {
			return Verification.Check.failure("signature", "Morsel verifies EdDSA (Ed25519) JWS only, not "
					+ header.getAlgorithm());
		}
		var method = header.getKeyID();
		if (method == null || !method.contains("#")) {
			return Verification.Check.failure("signature", "The JWS names no key (kid) as a DID URL");
		}
		var did = method.substring(0, method.indexOf('#'));
		var issuer = issuerId(credential);
		if (!did.equals(issuer)) {
			return Verification.Check.failure("signature", "The JWS key " + method + " is not the issuer's (" + issuer
					+ ")");
		}
		PublicKey key;
		try {
			key = resolve(did, method.substring(method.indexOf('#') + 1));
		}
		catch (IllegalArgumentException e) {
			return Verification.Check.failure("signature", e.getMessage());
		}
		if (!Ed25519.verify(key, jws.getSigningInput(), jws.getSignature().decode())) {
			return Verification.Check.failure("signature",
					"The JWS signature does not match: the credential was changed after signing, or signed by another key");
		}
		return Verification.Check.success("signature", "Signed by " + method + " (JWS, EdDSA)");
	}

	private Verification.Check signature(ObjectNode unsecured, @Nullable JsonNode proofNode) {
		if (proofNode != null && proofNode.isArray() && proofNode.size() == 1) {
			proofNode = proofNode.get(0);
		}
		if (!(proofNode instanceof ObjectNode proof)) {
			return Verification.Check.failure("signature", "The credential has no single proof");
		}
		if (!"DataIntegrityProof".equals(text(proof, "type"))
				|| !DataIntegrityProofs.CRYPTOSUITE.equals(text(proof, "cryptosuite"))) {
			return Verification.Check.failure("signature",
					"Morsel verifies DataIntegrityProof proofs of the eddsa-rdfc-2022 cryptosuite only");
		}
		if (!DataIntegrityProofs.PURPOSE.equals(text(proof, "proofPurpose"))) {
			return Verification.Check.failure("signature", "The proof's purpose is not assertionMethod");
		}
		var method = text(proof, "verificationMethod");
		if (method == null || !method.contains("#")) {
			return Verification.Check.failure("signature", "The proof names no verification method");
		}
		var did = method.substring(0, method.indexOf('#'));
		var issuer = issuerId(unsecured);
		if (!did.equals(issuer)) {
			return Verification.Check.failure("signature", "The proof's key " + method + " is not the issuer's ("
					+ issuer + ")");
		}
		PublicKey key;
		try {
			key = resolve(did, method.substring(method.indexOf('#') + 1));
		}
		catch (IllegalArgumentException e) {
			return Verification.Check.failure("signature", e.getMessage());
		}
		if (!proofs.verify(unsecured, proof, key)) {
			return Verification.Check.failure("signature",
					"The signature does not match the credential: it was changed after signing, or signed by another key");
		}
		return Verification.Check.success("signature", "Signed by " + method + " (eddsa-rdfc-2022)");
	}

	/** The issuer's public key named by the fragment; did:key and Morsel's own did:web only, never fetched. */
	private PublicKey resolve(String did, String fragment) {
		if (did.startsWith("did:key:")) {
			var multibase = did.substring("did:key:".length());
			if (!multibase.equals(fragment)) {
				throw new IllegalArgumentException("A did:key key is named by its own multibase value");
			}
			return Ed25519.publicKey(Multibase.ed25519PublicKeyOf(multibase));
		}
		var slug = links.slugOf(did);
		if (slug == null) {
			throw new IllegalArgumentException("Morsel resolves did:key issuers and its own did:web issuers only; it "
					+ "fetches no DID document (" + did + ")");
		}
		var organisation = directory.profile(slug)
			.orElseThrow(() -> new IllegalArgumentException("No issuer " + did + " at Morsel"));
		if (!fragment.startsWith("key-")) {
			throw new IllegalArgumentException("No key " + fragment + " in " + did);
		}
		UUID id;
		try {
			id = UUID.fromString(fragment.substring(4));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("No key " + fragment + " in " + did);
		}
		return keys.published(organisation.id(), id)
			.map(k -> Ed25519.publicKey(k.publicKey()))
			.orElseThrow(() -> new IllegalArgumentException("No key " + fragment + " in " + did));
	}

	private Verification.Check validity(ObjectNode credential) {
		var now = clock.instant();
		try {
			var from = instant(credential, "validFrom");
			var until = instant(credential, "validUntil");
			if (from != null && now.isBefore(from)) {
				return Verification.Check.failure("validity", "Not valid before " + from);
			}
			if (until != null && now.isAfter(until)) {
				return Verification.Check.failure("validity", "Expired on " + until);
			}
			return Verification.Check.success("validity", until == null ? "Valid from " + from + ", with no expiry"
					: "Valid from " + from + " until " + until);
		}
		catch (DateTimeParseException e) {
			return Verification.Check.failure("validity", "validFrom or validUntil is not a date-time");
		}
	}

	/**
	 * The credential's Bitstring Status List entries: each one of Morsel's lists is read from its stored bits (what
	 * the list's public address serves); a list elsewhere is not fetched, so such a credential is not known to be
	 * current. A set bit of any purpose fails the check: revoked, or suspended.
	 */
	private Verification.Check status(ObjectNode credential) {
		var node = credential.get("credentialStatus");
		if (node == null) {
			return Verification.Check.skipped("status", "The credential names no status list");
		}
		var entries = new ArrayList<JsonNode>();
		if (node.isArray()) {
			node.forEach(entries::add);
		}
		else {
			entries.add(node);
		}
		var found = new ArrayList<String>();
		for (var entry : entries) {
			if (!"BitstringStatusListEntry".equals(entry.path("type").asString(""))) {
				return Verification.Check.failure("status", "Morsel reads BitstringStatusListEntry statuses only; this "
						+ "credential is not known to be current");
			}
			var purpose = entry.path("statusPurpose").asString("");
			var address = entry.path("statusListCredential").asString("");
			var list = links.statusListOf(address);
			if (list == null) {
				return Verification.Check.failure("status", "The status list " + address + " is not Morsel's, and "
						+ "Morsel fetches none: the credential is not known to be current");
			}
			if (!purpose.equals("revocation") && !purpose.equals("suspension")) {
				return Verification.Check.failure("status", "Unknown status purpose '" + purpose + "'");
			}
			int position;
			try {
				position = Integer.parseInt(entry.path("statusListIndex").asString(""));
			}
			catch (NumberFormatException e) {
				return Verification.Check.failure("status", "The statusListIndex is not a number");
			}
			var set = statusLists.isSet(list, StatusPurpose.of(purpose), position);
			if (set.isEmpty()) {
				return Verification.Check.failure("status", "No " + purpose + " list " + address + " holds position "
						+ position);
			}
			if (set.get()) {
				return Verification.Check.failure("status", purpose.equals("revocation")
						? "Revoked: the issuer has withdrawn this credential for good"
						: "Suspended: the issuer has suspended this credential for now");
			}
			found.add(purpose);
		}
		return Verification.Check.success("status", "Not " + String.join(" and not ",
				found.stream().map(p -> p.equals("revocation") ? "revoked" : "suspended").toList())
				+ ", by the issuer's status lists now");
	}

	/** The fields the OB 3.0 AchievementCredential schema requires, checked by hand (no JSON Schema engine here). */
	private static Verification.Check schema(ObjectNode credential) {
		var missing = new ArrayList<String>();
		var context = credential.get("@context");
		if (context == null || !context.isArray() || context.isEmpty()
				|| !BundledContexts.CREDENTIALS_V2.equals(context.get(0).asString(""))) {
			missing.add("@context starting with " + BundledContexts.CREDENTIALS_V2);
		}
		var types = strings(credential.get("type"));
		if (!types.contains("VerifiableCredential")
				|| !(types.contains("OpenBadgeCredential") || types.contains("AchievementCredential"))) {
			missing.add("type with VerifiableCredential and OpenBadgeCredential");
		}
		if (text(credential, "id") == null) {
			missing.add("id");
		}
		if (issuerId(credential) == null) {
			missing.add("issuer.id");
		}
		if (text(credential, "validFrom") == null) {
			missing.add("validFrom");
		}
		var achievement = credential.path("credentialSubject").path("achievement");
		for (var field : List.of("id", "name", "description")) {
			if (achievement.path(field).asString("").isEmpty()) {
				missing.add("credentialSubject.achievement." + field);
			}
		}
		if (!achievement.path("criteria").isObject()) {
			missing.add("credentialSubject.achievement.criteria");
		}
		if (!missing.isEmpty()) {
			return Verification.Check.failure("schema", "Not an Open Badges 3.0 credential: missing " + missing);
		}
		return Verification.Check.success("schema", "Has the fields the Open Badges 3.0 schema requires");
	}

	private static @Nullable String issuerId(ObjectNode credential) {
		var issuer = credential.get("issuer");
		if (issuer == null) {
			return null;
		}
		if (issuer.isString()) {
			return issuer.asString();
		}
		return issuer.path("id").isString() ? issuer.path("id").asString() : null;
	}

	private static @Nullable Instant instant(ObjectNode node, String field) {
		var text = text(node, field);
		return text == null ? null : java.time.OffsetDateTime.parse(text).toInstant();
	}

	private static @Nullable String text(ObjectNode node, String field) {
		var value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private static List<String> strings(@Nullable JsonNode node) {
		if (node == null) {
			return List.of();
		}
		if (node.isString()) {
			return List.of(node.asString());
		}
		var out = new ArrayList<String>();
		node.forEach(n -> out.add(n.asString("")));
		return out;
	}
}
