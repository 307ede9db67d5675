package io.morsel.delivery;

import io.morsel.learning.LessonCompleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A learner who completes a lesson before its triggered delivery went out does not get it: the delivery is marked
 * COMPLETED. The completion is also when they last learnt, for the floor. Safe to run twice.
 */
@Component
class CompletedLessons {

	private final JdbcClient jdbc;

	CompletedLessons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(LessonCompleted completed) {
		jdbc.sql("""
				UPDATE deliveries
				SET status = 'COMPLETED'
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND lesson_id = :lesson
				  AND status = 'PLANNED'
				""")
			.param("organisation", completed.organisationId().value())
			.param("user", completed.learner().value())
			.param("lesson", completed.lessonId().value())
			.update();
		// The floor counts days from the latest lesson completed.
		jdbc.sql("""
				INSERT INTO delivery_learners (organisation_id, user_id)
				VALUES (:organisation, :user)
				ON CONFLICT DO NOTHING
				""").param("organisation", completed.organisationId().value()).param("user", completed.learner().value())
			.update();
		jdbc.sql("""
				UPDATE delivery_learners
				SET last_learned_at = :at
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND (last_learned_at IS NULL OR last_learned_at < :at)
				""")
			.param("at", io.morsel.shared.Timestamps.of(completed.completedAt()))
			.param("organisation", completed.organisationId().value())
			.param("user", completed.learner().value())
			.update();
	}
}
