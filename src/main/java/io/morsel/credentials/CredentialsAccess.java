package io.morsel.credentials;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A credential is worth something only if anyone can check it without asking us: issuer keys, achievement images
 * and each credential's page are public, and so is verifying a posted credential. Issuing, revoking and suspending,
 * and the issuer's keys, are the administrators'; authors and administrators describe achievements.
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
		rules.permitAll(HttpMethod.POST, "/api/v1/credentials/verify")
			.requireRole(Role.ADMIN, "/api/v1/credentials/issuer-keys")
			.requireRole(HttpMethod.POST, Role.ADMIN, "/api/v1/credentials", "/api/v1/credentials/*/revocation",
					"/api/v1/credentials/*/suspension")
			.requireRole(HttpMethod.DELETE, Role.ADMIN, "/api/v1/credentials/*/suspension")
			.requireAnyRole(HttpMethod.POST, Set.of(Role.AUTHOR, Role.ADMIN), "/api/v1/achievements")
			.requireAnyRole(HttpMethod.PUT, Set.of(Role.AUTHOR, Role.ADMIN), "/api/v1/achievements/*/image");
	}
}
