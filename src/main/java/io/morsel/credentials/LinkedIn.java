package io.morsel.credentials;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * LinkedIn's public links for a credential: "Add to profile" (its documented {@code /profile/add} address with the
 * certification fields filled in: name, issuing organisation, issue and expiry month, the credential's page and id)
 * and a share of the credential's public page. Plain links: they work without JavaScript and send LinkedIn nothing
 * but what the holder chooses to.
 */
public final class LinkedIn {

	private LinkedIn() {
	}

	/** The "Add to profile" address of a certification. */
	public static String addToProfile(String name, String organisation, Instant issued, @Nullable Instant expires,
			String page, UUID credential) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("startTask", "CERTIFICATION_NAME");
		fields.put("name", name);
		fields.put("organizationName", organisation);
		var issuedOn = issued.atOffset(ZoneOffset.UTC);
		fields.put("issueYear", Integer.toString(issuedOn.getYear()));
		fields.put("issueMonth", Integer.toString(issuedOn.getMonthValue()));
		if (expires != null) {
			var expiresOn = expires.atOffset(ZoneOffset.UTC);
			fields.put("expirationYear", Integer.toString(expiresOn.getYear()));
			fields.put("expirationMonth", Integer.toString(expiresOn.getMonthValue()));
		}
		fields.put("certUrl", page);
		fields.put("certId", credential.toString());
		return "https://www.linkedin.com/profile/add?" + query(fields);
	}

	/** The address that shares the credential's public page in a LinkedIn post. */
	public static String share(String page) {
		return "https://www.linkedin.com/sharing/share-offsite/?" + query(Map.of("url", page));
	}

	private static String query(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
			.collect(Collectors.joining("&"));
	}
}
