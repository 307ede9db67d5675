package io.morsel.learning;

import io.morsel.catalog.Block;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Score;
import io.morsel.shared.Timestamps;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The answers table and each attempt's count of answers and assessed credit: stores scored answers, many learners' in
 * one statement, and completes the attempts they finish (ADR 0005). Each batch is written in its caller's transaction,
 * the {@link AnswerWriter}'s or one the caller holds.
 *
 * <p>The answers are inserted with their idempotency keys (an answer already given inserts nothing: a replay), each attempt's count of answers (and
 * the credit they earned on interactions assessing the objective) goes up by its new ones, which locks its row until
 * the commit, and an attempt whose every interaction is now answered completes ({@link AttemptProgress}), without
 * reading the answers table. Everything is written in one order, by attempt and interaction, so two batches (of one node
 * or two) never wait on each other in a circle, and the lock makes the count exact even when two nodes write the last
 * two answers of an attempt at the same time. {@link AnswerRecorded} and {@link LessonCompleted} are published in the
 * same transaction, so the event publication log holds them exactly when the answers are stored; so is one
 * {@link AnswersRecorded} with the batch's stored answers, for listeners that take them together (ADR 0015).
 */
@Component
class Answers {

	/**
	 * An answer to write, scored, with the idempotency key its client sent, if any, and the day of the learner's
	 * calendar it was given on (for their daily goal).
	 */
	record Pending(UUID attempt, LessonVersion version, Learner learner, Interaction interaction, String response,
			Score score, @Nullable Duration timeTaken, Instant at, @Nullable IdempotencyKey key, LocalDate day) {

		Pending(UUID attempt, LessonVersion version, Learner learner, Interaction interaction, String response,
				Score score, @Nullable Duration timeTaken, Instant at) {
			this(attempt, version, learner, interaction, response, score, timeTaken, at, null,
					LearningDay.dateOf(at, ZoneOffset.UTC));
		}
	}

	/**
	 * Whether the answer was stored (false: the interaction had been answered already), and whether the lesson is now
	 * complete.
	 */
	record Written(boolean stored, boolean lessonCompleted) {
	}

	private final JdbcTemplate jdbc;
	private final JdbcClient sql;
	private final Lessons lessons;
	private final ApplicationEventPublisher events;
	private final LearningDays learningDays;

	Answers(JdbcTemplate jdbc, JdbcClient sql, Lessons lessons, ApplicationEventPublisher events,
			LearningDays learningDays) {
		this.learningDays = learningDays;
		this.jdbc = jdbc;
		this.sql = sql;
		this.lessons = lessons;
		this.events = events;
	}

	/** Writes the answers, in the caller's transaction; one result per answer, in the same order. */
	List<Written> store(List<Pending> batch) {
		// In one order everywhere, by attempt and interaction, so that two batches never wait on each other in a circle.
		var ordered = batch.stream()
			.sorted(Comparator.comparing(Pending::attempt).thenComparing(answer -> answer.interaction().id()))
			.toList();
		var inserted = new IdentityHashMap<Pending, Boolean>();
		var counts = jdbc.batchUpdate("""
				INSERT INTO answers (attempt_id, interaction_id, organisation_id, response, credit, correct,
				                     time_taken_ms, answered_at, idempotency_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""", ordered, ordered.size(), Answers::bind);
		int row = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				inserted.put(ordered.get(row++), count > 0);
			}
		}
		var added = new TreeMap<UUID, Added>();
		ordered.stream()
			.filter(inserted::get)
			.forEach(answer -> added.merge(answer.attempt(), Added.of(answer), Added::plus));
		if (added.isEmpty()) {
			return batch.stream().map(answer -> new Written(false, false)).toList(); // All of them replays.
		}
		var now = Timestamps.of(batch.getLast().at());
		// Locks each attempt's row until the commit: what is read after this is exact.
		jdbc.batchUpdate("""
				UPDATE lesson_attempts
				SET answered = answered + ?, assessed_credit = assessed_credit + ?, step = ?, updated_at = ?
				WHERE id = ?
				""", List.copyOf(added.entrySet()), added.size(), (statement, attempt) -> {
			statement.setInt(1, attempt.getValue().answers());
			statement.setDouble(2, attempt.getValue().assessedCredit());
			statement.setInt(3, attempt.getValue().step());
			statement.setObject(4, now);
			statement.setObject(5, attempt.getKey());
		});
		var totals = totals(List.copyOf(added.keySet()));
		var days = new TreeMap<DayKey, LearningDay>();
		ordered.stream().filter(inserted::get).forEach(answer -> days.merge(DayKey.of(answer),
				new LearningDay(answer.day(), answer.timeTaken() == null ? 0 : LearningDay.secondsOf(answer.timeTaken()),
						0, 0),
				DayKey::plus));
		var completing = new HashSet<UUID>();
		var written = new ArrayList<Written>(batch.size());
		var recordedTogether = new ArrayList<AnswerRecorded>(added.size());
		for (var answer : batch) {
			if (!inserted.get(answer)) {
				written.add(new Written(false, false));
				continue;
			}
			var learner = answer.learner();
			var version = answer.version();
			var total = totals.get(answer.attempt());
			var progress = AttemptProgress.of(version, total.answered(), total.assessedCredit());
			if (progress.allAnswered() && completing.add(answer.attempt())
					&& complete(learner, answer.attempt(), version, progress, answer.at())) {
				var mastered = progress.mastered() ? 1 : 0;
				days.merge(DayKey.of(answer), new LearningDay(answer.day(), 0, 1, mastered), DayKey::plus);
			}
			var score = answer.score();
			var recorded = new AnswerRecorded(learner.organisationId(), learner.userId(), version.lessonId(),
					version.version(), answer.interaction().id(), lessons.skillsOf(version),
					answer.interaction().assessesObjective(), score.correct(), score.credit(), answer.timeTaken(),
					answer.at());
			events.publishEvent(recorded);
			recordedTogether.add(recorded);
			written.add(new Written(true, progress.allAnswered()));
		}
		events.publishEvent(new AnswersRecorded(recordedTogether));
		learningDays.add(days);
		return written;
	}

	/** Adds to a learner's day outside a batch of answers (a lesson without questions finished), in the caller's transaction. */
	void addToDay(Learner learner, LearningDay day) {
		learningDays.add(Map.of(new DayKey(learner.organisationId().value(), learner.userId().value(), day.day()), day));
	}

	/** A learner's day, in one order everywhere (as the answers), so that two batches never wait on each other. */
	record DayKey(UUID organisation, UUID user, LocalDate day) implements Comparable<DayKey> {

		static DayKey of(Pending answer) {
			return new DayKey(answer.learner().organisationId().value(), answer.learner().userId().value(), answer.day());
		}

		static LearningDay plus(LearningDay one, LearningDay other) {
			return new LearningDay(one.day(), one.seconds() + other.seconds(), one.lessons() + other.lessons(),
					one.mastered() + other.mastered());
		}

		@Override
		public int compareTo(DayKey other) {
			return Comparator.comparing(DayKey::user).thenComparing(DayKey::organisation).thenComparing(DayKey::day)
				.compare(this, other);
		}
	}

	/**
	 * What a batch adds to an attempt: its new answers, their credit on interactions assessing the objective, and the
	 * step the learner is at: the latest question they answered, so that a reload (or another device) resumes there
	 * however the answer was sent.
	 */
	private record Added(int answers, double assessedCredit, int step, Instant at) {

		static Added of(Pending answer) {
			return new Added(1, answer.interaction().assessesObjective() ? answer.score().credit() : 0,
					stepOf(answer.version(), answer.interaction().id()), answer.at());
		}

		Added plus(Added other) {
			var later = other.at.isAfter(at) ? other : this;
			return new Added(answers + other.answers, assessedCredit + other.assessedCredit, later.step, later.at);
		}

		private static int stepOf(LessonVersion version, String interaction) {
			var blocks = version.content().blocks();
			for (int i = 0; i < blocks.size(); i++) {
				if (blocks.get(i) instanceof Block.Question q && q.interaction().id().equals(interaction)) {
					return i;
				}
			}
			return 0;
		}
	}

	/** An attempt's answers so far and the credit they earned on interactions assessing the objective. */
	private record Total(int answered, double assessedCredit) {
	}

	private static void bind(PreparedStatement statement, Pending answer) throws SQLException {
		var score = answer.score();
		statement.setObject(1, answer.attempt());
		statement.setString(2, answer.interaction().id());
		statement.setObject(3, answer.learner().organisationId().value());
		statement.setString(4, answer.response());
		statement.setDouble(5, score.credit());
		if (score.correct() == null) {
			statement.setNull(6, Types.BOOLEAN);
		}
		else {
			statement.setBoolean(6, score.correct());
		}
		if (answer.timeTaken() == null) {
			statement.setNull(7, Types.BIGINT);
		}
		else {
			statement.setLong(7, answer.timeTaken().toMillis());
		}
		statement.setObject(8, Timestamps.of(answer.at()));
		statement.setString(9, answer.key() == null ? null : answer.key().value());
	}

	/** How many answers each attempt has and the credit they earned, this batch's included. */
	private Map<UUID, Total> totals(List<UUID> attempts) {
		var totals = new HashMap<UUID, Total>();
		sql.sql("SELECT id, answered, assessed_credit FROM lesson_attempts WHERE id IN (:attempts)")
			.param("attempts", attempts)
			.query(rs -> {
				totals.put(rs.getObject(1, UUID.class), new Total(rs.getInt(2), rs.getDouble(3)));
			});
		return totals;
	}

	/**
	 * Marks the attempt completed, once, and publishes its {@link LessonCompleted}; in the caller's transaction.
	 * @return false when it had been completed already
	 * @throws IllegalStateException while an interaction is unanswered
	 */
	boolean complete(Learner learner, UUID attempt, LessonVersion version, AttemptProgress progress, Instant at) {
		var completed = progress.complete(learner, version, lessons.skillsOf(version), at);
		var marked = sql.sql("""
				UPDATE lesson_attempts
				SET completed_at = :now, updated_at = :now, score = :score
				WHERE id = :id
				  AND completed_at IS NULL
				""")
			.param("id", attempt)
			.param("now", Timestamps.of(at))
			.param("score", completed.score())
			.update();
		if (marked == 0) {
			return false;
		}
		events.publishEvent(completed);
		return true;
	}
}
