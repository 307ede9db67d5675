package io.morsel.learning;

import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Response;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learners take lessons: an attempt starts on the latest published version and stays on it; each interaction is
 * answered once (a replayed submission is refused), every answer is stored and announced, and the lesson completes
 * when all its interactions are answered.
 */
@Service
public class Attempts {

	private final JdbcClient jdbc;
	private final Lessons lessons;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Attempts(JdbcClient jdbc, Lessons lessons, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.lessons = lessons;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/** The learner's attempt at the lesson, if they started it. */
	@Transactional(readOnly = true)
	public Optional<Attempt> find(CurrentMember learner, LessonId lesson) {
		return row(learner, lesson).map(this::load);
	}

	/** Resumes the learner's attempt, or starts one on the lesson's published version. */
	@Transactional
	public Attempt open(CurrentMember learner, LessonId lesson) {
		var existing = row(learner, lesson);
		if (existing.isPresent()) {
			return load(existing.get());
		}
		var version = lessons.latestPublished(learner.organisationId(), lesson)
			.orElseThrow(() -> new NotFoundException("Lesson"));
		var now = Timestamps.of(clock.instant());
		// Two requests of the same learner may start the lesson at once: the second inserts nothing and resumes.
		// (A failed INSERT would abort the whole transaction on PostgreSQL, so the conflict is not an exception.)
		jdbc.sql("""
				INSERT INTO lesson_attempts (id, organisation_id, user_id, lesson_id, version, step, started_at, updated_at)
				VALUES (:id, :organisation, :user, :lesson, :version, 0, :now, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.param("version", version.version())
			.param("now", now)
			.update();
		return load(row(learner, lesson).orElseThrow());
	}

	/** Remembers where the learner is in the lesson, so they resume there on any device. */
	@Transactional
	public void moveTo(CurrentMember learner, LessonId lesson, int step) {
		var attempt = open(learner, lesson);
		var last = attempt.lesson().content().blocks().size() - 1;
		jdbc.sql("""
				UPDATE lesson_attempts
				SET step = :step, updated_at = :now
				WHERE id = :id
				""")
			.param("id", attempt.id())
			.param("step", Math.max(0, Math.min(step, last)))
			.param("now", Timestamps.of(clock.instant()))
			.update();
	}

	/**
	 * Scores and stores an answer, and completes the lesson when it was the last one missing.
	 * @throws InvalidRequestException when the lesson has no such interaction
	 * @throws io.morsel.catalog.InvalidResponseException when the response does not fit the interaction
	 * @throws ConflictException when the interaction was already answered
	 */
	@Transactional
	public Feedback answer(CurrentMember learner, LessonId lesson, String interactionId, Response response,
			@Nullable Duration timeTaken) {
		var attempt = open(learner, lesson);
		var interaction = attempt.lesson()
			.content()
			.interactions()
			.stream()
			.filter(i -> i.id().equals(interactionId))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException(
					"This lesson has no interaction '" + interactionId + "'"));
		if (attempt.answered(interactionId)) {
			throw new ConflictException("This interaction was already answered; an answer is given once");
		}
		var score = interaction.score(response);
		var now = clock.instant();
		var elapsed = timeTaken == null || timeTaken.isNegative() || timeTaken.compareTo(Duration.ofHours(12)) > 0
				? null : timeTaken;
		try {
			jdbc.sql("""
					INSERT INTO answers (attempt_id, interaction_id, organisation_id, response, credit, correct,
					                     time_taken_ms, answered_at)
					VALUES (:attempt, :interaction, :organisation, :response, :credit, :correct, :took, :now)
					""")
				.param("attempt", attempt.id())
				.param("interaction", interactionId)
				.param("organisation", learner.organisationId().value())
				.param("response", json.writeValueAsString(response))
				.param("credit", score.credit())
				.param("correct", score.correct())
				.param("took", elapsed == null ? null : elapsed.toMillis())
				.param("now", Timestamps.of(now))
				.update();
		}
		catch (DuplicateKeyException replayed) {
			throw new ConflictException("This interaction was already answered; an answer is given once");
		}
		var skills = lessons.skillsOf(attempt.lesson());
		events.publishEvent(new AnswerRecorded(learner.organisationId(), learner.userId(), lesson,
				attempt.lesson().version(), interactionId, skills, interaction.assessesObjective(), score.correct(),
				score.credit(), elapsed, now));
		var answered = new HashMap<>(attempt.answers());
		answered.put(interactionId, new Attempt.Answer(response, score, now));
		var complete = attempt.lesson().content().interactions().stream().allMatch(i -> answered.containsKey(i.id()));
		if (complete) {
			complete(learner, attempt, answered, now);
		}
		return new Feedback(interactionId, score, complete);
	}

	/** Completes a lesson that has no interactions, once the learner has reached its end. */
	@Transactional
	public Attempt finish(CurrentMember learner, LessonId lesson) {
		var attempt = open(learner, lesson);
		if (!attempt.lesson().content().interactions().isEmpty()) {
			throw new ConflictException("This lesson completes when all its interactions are answered");
		}
		if (!attempt.completed()) {
			complete(learner, attempt, attempt.answers(), clock.instant());
		}
		return load(row(learner, lesson).orElseThrow());
	}

	private void complete(CurrentMember learner, Attempt attempt, java.util.Map<String, Attempt.Answer> answers,
			Instant now) {
		jdbc.sql("""
				UPDATE lesson_attempts
				SET completed_at = :now, updated_at = :now
				WHERE id = :id
				  AND completed_at IS NULL
				""")
			.param("id", attempt.id())
			.param("now", Timestamps.of(now))
			.update();
		var assessed = attempt.lesson()
			.content()
			.interactions()
			.stream()
			.filter(Interaction::assessesObjective)
			.mapToDouble(i -> answers.get(i.id()).score().credit())
			.average()
			.orElse(1);
		events.publishEvent(new LessonCompleted(learner.organisationId(), learner.userId(), attempt.lesson().lessonId(),
				attempt.lesson().version(), lessons.skillsOf(attempt.lesson()), assessed, now));
	}

	private record Row(UUID id, LessonVersion lesson, int step, @Nullable Instant completedAt) {
	}

	private Optional<Row> row(CurrentMember learner, LessonId lesson) {
		record Raw(UUID id, int version, int step, @Nullable OffsetDateTime completedAt) {
		}
		return jdbc.sql("""
				SELECT id, version, step, completed_at
				FROM lesson_attempts
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND lesson_id = :lesson
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.query((rs, n) -> new Raw(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3),
					rs.getObject(4, OffsetDateTime.class)))
			.optional()
			.map(raw -> new Row(raw.id(),
					lessons.version(learner.organisationId(), lesson, raw.version()).orElseThrow(), raw.step(),
					raw.completedAt() == null ? null : raw.completedAt().toInstant()));
	}

	private Attempt load(Row row) {
		var answers = new HashMap<String, Attempt.Answer>();
		var interactions = row.lesson().content().interactions();
		jdbc.sql("""
				SELECT interaction_id, response, answered_at
				FROM answers
				WHERE attempt_id = :attempt
				""")
			.param("attempt", row.id())
			.query((rs, n) -> {
				var id = rs.getString(1);
				var response = json.readValue(rs.getString(2), Response.class);
				var score = interactions.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().score(response);
				return java.util.Map.entry(id, new Attempt.Answer(response, score,
						rs.getObject(3, OffsetDateTime.class).toInstant()));
			})
			.list()
			.forEach(e -> answers.put(e.getKey(), e.getValue()));
		return new Attempt(row.id(), row.lesson(), row.step(), answers, row.completedAt());
	}

}
