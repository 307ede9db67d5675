package io.morsel.support;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Learners a test makes for itself in a demo organisation, written straight into identity's tables: many at once, in
 * milliseconds, where an invitation each (identity's Newcomers) would take seconds. They have no password, so they
 * act through {@code SignedIn} and through tokens the test makes, never through the sign-in form.
 */
public final class People {

	private People() {
	}

	/** A new learner (and nothing else) of the organisation with this slug, in this time zone. */
	public static CurrentMember learner(JdbcClient jdbc, Directory directory, String organisation, String zone,
			String name) {
		return member(jdbc, directory, organisation, zone, name, "LEARNER");
	}

	public static CurrentMember member(JdbcClient jdbc, Directory directory, String organisation, String zone,
			String name, String... roles) {
		var email = name.toLowerCase().replaceAll("[^a-z]+", "-") + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@" + organisation + ".test";
		var user = UUID.randomUUID();
		var membership = UUID.randomUUID();
		var organisationId = jdbc.sql("SELECT id FROM organisations WHERE slug = :slug").param("slug", organisation)
			.query(UUID.class).single();
		var now = java.sql.Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO users (id, email, name, time_zone, language, created_at)
				VALUES (:id, :email, :name, :zone, 'en', :now)
				""").param("id", user).param("email", email).param("name", name).param("zone", zone).param("now", now)
			.update();
		jdbc.sql("""
				INSERT INTO memberships (id, organisation_id, user_id, joined_at)
				VALUES (:id, :organisation, :user, :now)
				""").param("id", membership).param("organisation", organisationId).param("user", user)
			.param("now", now).update();
		for (var role : roles) {
			jdbc.sql("INSERT INTO membership_roles (membership_id, role) VALUES (:id, :role)").param("id", membership)
				.param("role", role).update();
		}
		return directory.member(email, organisation).orElseThrow();
	}
}
