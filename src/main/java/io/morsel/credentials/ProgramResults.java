package io.morsel.credentials;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.learning.Learner;
import io.morsel.learning.LessonCompleted;
import io.morsel.shared.Timestamps;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learners' lesson results as credentials needs them, kept from learning's {@link LessonCompleted} (its latest
 * score per lesson, in credentials' own table), and from them the programs a learner completed: every lesson the
 * program publishes completed, with the mean of their scores.
 */
@Component
class ProgramResults {

	private final JdbcClient jdbc;
	private final Programs programs;

	ProgramResults(JdbcClient jdbc, Programs programs) {
		this.jdbc = jdbc;
		this.programs = programs;
	}

	/** Keeps the completion's score as the learner's latest for the lesson; an older completion changes nothing. */
	void record(LessonCompleted completed) {
		var updated = jdbc.sql("""
				UPDATE credential_lesson_scores
				SET score = :score, completed_at = :at
				WHERE user_id = :user
				  AND lesson_id = :lesson
				  AND completed_at <= :at
				""")
			.param("score", completed.score())
			.param("at", Timestamps.of(completed.completedAt()))
			.param("user", completed.learner().value())
			.param("lesson", completed.lessonId().value())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO credential_lesson_scores (organisation_id, user_id, lesson_id, score, completed_at)
					VALUES (:organisation, :user, :lesson, :score, :at)
					ON CONFLICT DO NOTHING
					""")
				.param("organisation", completed.organisationId().value())
				.param("user", completed.learner().value())
				.param("lesson", completed.lessonId().value())
				.param("score", completed.score())
				.param("at", Timestamps.of(completed.completedAt()))
				.update();
		}
	}

	/** Whether any achievement of the organisation names a program to complete. */
	boolean anyAchievementNamesAProgram(io.morsel.identity.OrganisationId organisation) {
		return jdbc.sql("""
				SELECT count(*)
				FROM achievement_programs p
				JOIN achievements a ON a.id = p.achievement_id
				WHERE a.organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query(Integer.class)
			.single() > 0;
	}

	/** The programs of the learner's organisation they completed, each with its mean lesson score (0 to 1). */
	Map<ProgramId, Double> completed(Learner learner) {
		var scores = new HashMap<UUID, Double>();
		jdbc.sql("""
				SELECT lesson_id, score
				FROM credential_lesson_scores
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query(rs -> {
				scores.put(rs.getObject("lesson_id", UUID.class), rs.getDouble("score"));
			});
		var completed = new HashMap<ProgramId, Double>();
		if (scores.isEmpty()) {
			return completed;
		}
		for (var outline : programs.outlines(learner.organisationId())) {
			var lessons = outline.published();
			if (lessons.isEmpty() || !lessons.stream().allMatch(l -> scores.containsKey(l.id().value()))) {
				continue;
			}
			completed.put(outline.program().id(),
					lessons.stream().mapToDouble(l -> scores.get(l.id().value())).average().orElse(0));
		}
		return completed;
	}
}
