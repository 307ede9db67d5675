package io.morsel.catalog.api;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Every member reads lessons, media and skills; authors upload media, and authors and administrators name, describe
 * and merge skills.
 */
@Component
class CatalogApiAccess implements AccessRules {

	@Override
	public void api(Rules rules) {
		rules.requireRole(HttpMethod.POST, Role.AUTHOR, "/api/v1/media")
			.requireAnyRole(HttpMethod.POST, Set.of(Role.AUTHOR, Role.ADMIN), "/api/v1/skills", "/api/v1/skills/*/merge")
			.requireAnyRole(HttpMethod.PUT, Set.of(Role.AUTHOR, Role.ADMIN), "/api/v1/skills/*");
	}
}
