package io.morsel.credentials;

import io.morsel.identity.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A credential is worth something only if anyone can check it without asking us: issuer keys, achievement images
 * and each credential's page are public, and so is verifying a posted credential.
 */
@Component
class CredentialsAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.permitAll(HttpMethod.GET, "/credentials/issuers/**", "/credentials/achievements/**",
				"/credentials/{id}", "/credentials/{id}/credential.json", "/credentials/{id}/credential.jwt",
				"/credentials/{id}/credential.png", "/credentials/{id}/credential.svg", "/credentials/status/{id}",
				"/profiles/{handle}");
	}

	@Override
	public void api(Rules rules) {
		rules.permitAll(HttpMethod.POST, "/api/v1/credentials/verify");
	}
}
