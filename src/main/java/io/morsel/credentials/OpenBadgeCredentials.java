package io.morsel.credentials;

import io.morsel.identity.OrganisationProfile;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An award as an Open Badges 3.0 OpenBadgeCredential (Verifiable Credentials Data Model 2.0, JSON-LD), unsigned. It
 * uses only terms the VC 2.0 and OB 3.0.3 contexts define, so every statement is covered by the proof.
 */
final class OpenBadgeCredentials {

	static final List<String> CONTEXT = List.of(BundledContexts.CREDENTIALS_V2, BundledContexts.OPEN_BADGES_V3);

	private final JsonMapper json;
	private final PublicLinks links;

	OpenBadgeCredentials(JsonMapper json, PublicLinks links) {
		this.json = json;
		this.links = links;
	}

	/** The organisation's Open Badges issuer profile, as credentials embed it and its address serves it. */
	static Map<String, Object> issuerProfile(PublicLinks links, OrganisationProfile organisation) {
		var profile = new java.util.LinkedHashMap<String, Object>();
		profile.put("id", links.did(organisation.slug()));
		profile.put("type", List.of("Profile"));
		profile.put("name", organisation.name());
		profile.put("url", links.issuerPage(organisation.slug()));
		return profile;
	}

	ObjectNode unsigned(UUID id, OrganisationProfile issuer, Achievement achievement, UserId holder,
			List<Evidence> evidence, Instant validFrom, @Nullable Instant validUntil, List<StatusLists.Entry> statuses) {
		var credential = json.createObjectNode();
		credential.set("@context", json.valueToTree(CONTEXT));
		credential.put("id", "urn:uuid:" + id);
		credential.set("type", json.valueToTree(List.of("VerifiableCredential", "OpenBadgeCredential")));
		credential.put("name", achievement.name());
		credential.set("issuer", json.valueToTree(issuerProfile(links, issuer)));
		credential.put("validFrom", validFrom.truncatedTo(ChronoUnit.SECONDS).toString());
		if (validUntil != null) {
			credential.put("validUntil", validUntil.truncatedTo(ChronoUnit.SECONDS).toString());
		}
		if (!statuses.isEmpty()) {
			// An array, one entry per purpose, as VC 2.0 allows; see docs/adr/0026-credential-status-and-jose.md for
			// why Morsel departs here from OB 3.0's single credentialStatus.
			var entries = credential.putArray("credentialStatus");
			for (var status : statuses) {
				var list = links.statusList(status.listId());
				var entry = entries.addObject();
				entry.put("id", list + "#" + status.position());
				entry.put("type", "BitstringStatusListEntry");
				entry.put("statusPurpose", status.purpose().word());
				entry.put("statusListIndex", Integer.toString(status.position()));
				entry.put("statusListCredential", list);
			}
		}
		var subject = credential.putObject("credentialSubject");
		subject.put("id", "urn:uuid:" + holder.value());
		subject.set("type", json.valueToTree(List.of("AchievementSubject")));
		subject.set("achievement", achievement(achievement));
		var items = credential.putArray("evidence");
		for (var item : evidence) {
			var node = items.addObject();
			node.set("type", json.valueToTree(List.of("Evidence")));
			node.put("name", item.name());
			node.put("narrative", item.narrative());
		}
		return credential;
	}

	private ObjectNode achievement(Achievement achievement) {
		var node = json.createObjectNode();
		node.put("id", links.achievement(achievement.id()));
		node.set("type", json.valueToTree(List.of("Achievement")));
		node.put("name", achievement.name());
		node.put("description", achievement.description());
		node.putObject("criteria").put("narrative", achievement.criteria().narrative());
		node.set("image", json.valueToTree(Map.of("id", links.achievementImage(achievement.id()), "type", "Image")));
		if (!achievement.alignments().isEmpty()) {
			var alignments = node.putArray("alignment");
			for (var alignment : achievement.alignments()) {
				var item = alignments.addObject();
				item.set("type", json.valueToTree(List.of("Alignment")));
				item.put("targetName", alignment.name());
				item.put("targetUrl", alignment.url());
				if (alignment.code() != null) {
					item.put("targetCode", alignment.code());
				}
			}
		}
		if (achievement.creditHours() != null) {
			node.put("creditsAvailable", achievement.creditHours().doubleValue());
		}
		return node;
	}
}
