package io.morsel.authoring;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The studio is the authors' home; the organisation's publishing rules are its admins'. Through the API every member
 * reads the published lessons and programs (learning's and catalog's endpoints), and only authors write them, read
 * their drafts and exports, and segment transcripts.
 */
@Component
class StudioAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.AUTHOR, "/studio", "/studio/**").requireRole(Role.ADMIN, "/admin/authoring");
	}

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.ADMIN, "/api/v1/authoring/settings")
			.requireRole(HttpMethod.GET, Role.AUTHOR, "/api/v1/lessons/*/draft", "/api/v1/lessons/*/export",
					"/api/v1/programs/*/modules")
			.requireRole(HttpMethod.POST, Role.AUTHOR, "/api/v1/lessons", "/api/v1/lessons/*/publish",
					"/api/v1/lessons/*/unpublish", "/api/v1/lessons/*/archive", "/api/v1/lessons/*/restore",
					"/api/v1/lessons/*/duplicate", "/api/v1/programs", "/api/v1/programs/*/publish",
					"/api/v1/programs/*/unpublish", "/api/v1/programs/*/archive", "/api/v1/programs/*/restore",
					"/api/v1/objectives/check", "/api/v1/segmentations", "/api/v1/segmentations/drafts")
			.requireRole(HttpMethod.PUT, Role.AUTHOR, "/api/v1/lessons/*/draft", "/api/v1/programs/*",
					"/api/v1/programs/*/modules", "/api/v1/lessons/*/draft/cover", "/api/v1/programs/*/cover")
			.requireRole(HttpMethod.DELETE, Role.AUTHOR, "/api/v1/lessons/*", "/api/v1/programs/*",
					"/api/v1/lessons/*/draft/cover", "/api/v1/programs/*/cover");
	}
}
