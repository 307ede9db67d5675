package io.morsel.learning;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.PersonalData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning's part of a person's data download: the programs they are enrolled in and where they stand in each, every
 * attempt at a lesson with the answers given in it, and the days they learned.
 */
@Component
class LearningPersonalData implements PersonalData {

	record ProgramEntry(UUID programId, String title, boolean assigned, @Nullable Instant dueAt, Instant enrolledAt,
			List<LessonEntry> lessons) {
	}

	record LessonEntry(UUID lessonId, String title, String status) {
	}

	/** One attempt at a lesson, numbered from 1 (a retake is the next), with its answers in the order given. */
	record AttemptEntry(UUID lessonId, int attempt, int version, Instant startedAt, @Nullable Instant completedAt,
			@Nullable Double score, List<AnswerEntry> answers) {
	}

	/**
	 * An answer as stored: the response as the learner sent it (JSON), the credit it earned (0 to 1) and whether it
	 * was right (null for a question that is not marked right or wrong).
	 */
	record AnswerEntry(String interactionId, JsonNode response, double credit, @Nullable Boolean correct,
			@Nullable Long timeTakenMs, Instant answeredAt) {
	}

	/**
	 * The learner's daily goal and every day they learned, as kept for their streak, and whether they joined their
	 * team's leaderboards.
	 */
	record LearningPart(List<ProgramEntry> enrolments, List<AttemptEntry> attempts, DailyGoal dailyGoal,
			List<LearningDay> days, boolean onLeaderboards) {
	}

	private final Progress progress;
	private final LearningDays learningDays;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Leaderboards leaderboards;

	LearningPersonalData(Progress progress, LearningDays learningDays, JdbcClient jdbc, JsonMapper json,
			Leaderboards leaderboards) {
		this.leaderboards = leaderboards;
		this.progress = progress;
		this.learningDays = learningDays;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public String part() {
		return "learning";
	}

	@Override
	public Object of(CurrentMember member) {
		var standing = learningDays.standing(Learner.of(member));
		return new LearningPart(progress.of(Learner.of(member))
			.stream()
			.filter(p -> p.enrolment() != null)
			.map(p -> new ProgramEntry(p.program().id().value(), p.program().title(), p.enrolment().assigned(),
					p.enrolment().dueAt(), p.enrolment().enrolledAt(), p.lessons()
						.stream()
						.map(l -> new LessonEntry(l.id().value(), l.title(), l.status().name().toLowerCase(java.util.Locale.ROOT)))
						.toList()))
			.toList(), attempts(Learner.of(member)), standing.goal(), standing.days(),
				leaderboards.joined(Learner.of(member)));
	}

	/** Every attempt of the learner in the organisation, oldest first, each with its answers. One query. */
	private List<AttemptEntry> attempts(Learner learner) {
		record Row(UUID attempt, AttemptEntry entry, @Nullable AnswerEntry answer) {
		}
		var rows = jdbc.sql("""
				SELECT a.id, a.lesson_id, a.attempt, a.version, a.started_at, a.completed_at, a.score,
				       r.interaction_id, r.response, r.credit, r.correct, r.time_taken_ms, r.answered_at
				FROM lesson_attempts a
				LEFT JOIN answers r ON r.attempt_id = a.id
				WHERE a.organisation_id = :organisation
				  AND a.user_id = :user
				ORDER BY a.started_at, a.id, r.answered_at, r.interaction_id
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query((rs, n) -> {
				var completed = rs.getObject(6, OffsetDateTime.class);
				var entry = new AttemptEntry(rs.getObject(2, UUID.class), rs.getInt(3), rs.getInt(4),
						rs.getObject(5, OffsetDateTime.class).toInstant(),
						completed == null ? null : completed.toInstant(), rs.getObject(7, Double.class), List.of());
				var interaction = rs.getString(8);
				var answer = interaction == null ? null
						: new AnswerEntry(interaction, json.readTree(rs.getString(9)), rs.getDouble(10),
								rs.getObject(11, Boolean.class), rs.getObject(12, Long.class),
								rs.getObject(13, OffsetDateTime.class).toInstant());
				return new Row(rs.getObject(1, UUID.class), entry, answer);
			})
			.list();
		var attempts = new LinkedHashMap<UUID, List<Row>>();
		rows.forEach(r -> attempts.computeIfAbsent(r.attempt(), k -> new ArrayList<>()).add(r));
		return attempts.values().stream().map(group -> {
			var first = group.getFirst().entry();
			return new AttemptEntry(first.lessonId(), first.attempt(), first.version(), first.startedAt(),
					first.completedAt(), first.score(),
					group.stream().map(Row::answer).filter(Objects::nonNull).toList());
		}).toList();
	}
}
