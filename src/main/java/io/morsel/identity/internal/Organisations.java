package io.morsel.identity.internal;

import io.morsel.identity.OrganisationId;
import io.morsel.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations (tenants). */
@Repository
public class Organisations {

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Organisation(OrganisationId id, String slug, String name) {
	}

	public Optional<Organisation> findById(OrganisationId id) {
		return jdbc.sql("""
				SELECT id, slug, name
				FROM organisations
				WHERE id = :id
				""")
			.param("id", id.value())
			.query(Organisations::map)
			.optional();
	}

	public Optional<Organisation> findBySlug(String slug) {
		return jdbc.sql("""
				SELECT id, slug, name
				FROM organisations
				WHERE slug = :slug
				""")
			.param("slug", slug)
			.query(Organisations::map)
			.optional();
	}

	public Organisation create(String slug, String name, Instant now) {
		var organisation = new Organisation(OrganisationId.random(), slug, name);
		jdbc.sql("""
				INSERT INTO organisations (id, slug, name, created_at)
				VALUES (:id, :slug, :name, :now)
				""")
			.param("id", organisation.id().value())
			.param("slug", slug)
			.param("name", name)
			.param("now", Timestamps.of(now))
			.update();
		return organisation;
	}

	private static Organisation map(ResultSet rs, int row) throws SQLException {
		return new Organisation(new OrganisationId(rs.getObject("id", java.util.UUID.class)), rs.getString("slug"),
				rs.getString("name"));
	}

	/** The longest a member of the organisation may make a token last, in days. */
	public int tokenMaxDays(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT token_max_days
				FROM organisations
				WHERE id = :id
				""")
			.param("id", organisation.value())
			.query(Integer.class)
			.single();
	}

	/** Sets how long tokens may last from now on; tokens already made keep their expiry. */
	public void setTokenMaxDays(OrganisationId organisation, int days) {
		jdbc.sql("""
				UPDATE organisations
				SET token_max_days = :days
				WHERE id = :id
				""")
			.param("id", organisation.value())
			.param("days", days)
			.update();
	}

	/** Whether learners see the names (never the emails) of the organisation's members. */
	public boolean directoryNamesOpen(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT directory_names_open
				FROM organisations
				WHERE id = :id
				""")
			.param("id", organisation.value())
			.query(Boolean.class)
			.single();
	}

	public void setDirectoryNamesOpen(OrganisationId organisation, boolean open) {
		jdbc.sql("""
				UPDATE organisations
				SET directory_names_open = :open
				WHERE id = :id
				""")
			.param("id", organisation.value())
			.param("open", open)
			.update();
	}

	/** Whether partners (members of external groups) see the open programs, which staff may join by themselves. */
	public boolean partnersSeeOpenPrograms(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT partners_see_open_programs
				FROM organisations
				WHERE id = :id
				""")
			.param("id", organisation.value())
			.query(Boolean.class)
			.single();
	}

	/** Use {@link Groups#setPartnersSeeOpenPrograms}, which tells every node the partners' sight changed. */
	void setPartnersSeeOpenPrograms(OrganisationId organisation, boolean see) {
		jdbc.sql("""
				UPDATE organisations
				SET partners_see_open_programs = :see
				WHERE id = :id
				""")
			.param("id", organisation.value())
			.param("see", see)
			.update();
	}
}
