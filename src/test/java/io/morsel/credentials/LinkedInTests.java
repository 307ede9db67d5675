package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** LinkedIn's "Add to profile" link carries the certification's fields; the share link the public page. */
class LinkedInTests {

	@Test
	void addToProfileFillsTheCertificationFields() {
		var id = UUID.randomUUID();

		var link = URI.create(LinkedIn.addToProfile("Deal maker & closer", "Globex Corporation",
				Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2027-11-30T08:00:00Z"),
				"https://morsel.example/credentials/" + id, id));

		assertThat(link.getHost()).isEqualTo("www.linkedin.com");
		assertThat(link.getPath()).isEqualTo("/profile/add");
		assertThat(fields(link)).containsExactly(Map.entry("startTask", "CERTIFICATION_NAME"),
				Map.entry("name", "Deal maker & closer"), Map.entry("organizationName", "Globex Corporation"),
				Map.entry("issueYear", "2026"), Map.entry("issueMonth", "11"), Map.entry("expirationYear", "2027"),
				Map.entry("expirationMonth", "11"), Map.entry("certUrl", "https://morsel.example/credentials/" + id),
				Map.entry("certId", id.toString()));
	}

	@Test
	void aCredentialWithoutExpiryHasNoExpiryFields() {
		var link = URI.create(LinkedIn.addToProfile("Pricing", "Acme", Instant.parse("2026-01-31T23:59:59Z"), null,
				"https://morsel.example/credentials/x", UUID.randomUUID()));

		assertThat(fields(link)).doesNotContainKeys("expirationYear", "expirationMonth")
			.containsEntry("issueMonth", "1");
	}

	@Test
	void theShareLinkSharesThePublicPage() {
		var link = URI.create(LinkedIn.share("https://morsel.example/credentials/abc?x=1"));

		assertThat(link.getPath()).isEqualTo("/sharing/share-offsite/");
		assertThat(fields(link)).containsExactly(Map.entry("url", "https://morsel.example/credentials/abc?x=1"));
	}

	private static Map<String, String> fields(URI link) {
		var fields = new LinkedHashMap<String, String>();
		for (var pair : link.getRawQuery().split("&")) {
			var parts = pair.split("=", 2);
			fields.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return fields;
	}
}
