package io.morsel.authoring;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.Role;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's {@link AuthoringPolicy}: read by every publish, changed by its admins. */
@Service
public class AuthoringSettings {

	private final JdbcClient sql;
	private final Clock clock;

	AuthoringSettings(JdbcClient sql, Clock clock) {
		this.sql = sql;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public AuthoringPolicy policy(OrganisationId organisation) {
		return sql.sql("""
				SELECT objectives_block_publishing, max_lesson_minutes, program_lessons_before_modules
				FROM authoring_settings
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, row) -> new AuthoringPolicy(rs.getBoolean("objectives_block_publishing"),
					rs.getInt("max_lesson_minutes"), rs.getInt("program_lessons_before_modules")))
			.optional()
			.orElse(AuthoringPolicy.DEFAULT);
	}

	/** The admin's organisation's rules from now on; lessons published before stay published. */
	@Transactional
	public AuthoringPolicy change(CurrentMember admin, AuthoringPolicy policy) {
		if (!admin.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins set the organisation's publishing rules");
		}
		var now = Timestamps.of(clock.instant());
		var updated = sql.sql("""
				UPDATE authoring_settings
				SET objectives_block_publishing = :strict,
				    max_lesson_minutes = :limit,
				    program_lessons_before_modules = :lessons,
				    changed_at = :now
				WHERE organisation_id = :organisation
				""")
			.param("organisation", admin.organisationId().value())
			.param("strict", policy.objectivesBlockPublishing())
			.param("limit", policy.maxLessonMinutes())
			.param("lessons", policy.programLessonsBeforeModules())
			.param("now", now)
			.update();
		if (updated == 0) {
			sql.sql("""
					INSERT INTO authoring_settings (organisation_id, objectives_block_publishing, max_lesson_minutes,
					                                program_lessons_before_modules, changed_at)
					VALUES (:organisation, :strict, :limit, :lessons, :now)
					ON CONFLICT DO NOTHING
					""")
				.param("organisation", admin.organisationId().value())
				.param("strict", policy.objectivesBlockPublishing())
				.param("limit", policy.maxLessonMinutes())
				.param("lessons", policy.programLessonsBeforeModules())
				.param("now", now)
				.update();
		}
		return policy;
	}
}
