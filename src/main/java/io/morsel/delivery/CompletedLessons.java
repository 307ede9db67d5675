package io.morsel.delivery;

import io.morsel.learning.LessonCompleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A learner who completes a lesson before its triggered delivery went out does not get it: the delivery is marked
 * COMPLETED. Safe to run twice.
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
	}
}
