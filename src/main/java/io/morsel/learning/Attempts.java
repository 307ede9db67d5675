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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
		return attempt(learner, lesson);
	}

	/** Resumes the learner's attempt, or starts one on the lesson's published version. */
	@Transactional
	public Attempt open(CurrentMember learner, LessonId lesson) {
		var existing = attempt(learner, lesson);
		if (existing.isPresent()) {
			return existing.get();
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
		return attempt(learner, lesson).orElseThrow();
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
		var attempt = state(learner, lesson).orElseGet(() -> {
			open(learner, lesson);
			return state(learner, lesson).orElseThrow();
		});
		var interaction = attempt.lesson()
			.content()
			.interactions()
			.stream()
			.filter(i -> i.id().equals(interactionId))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException(
					"This lesson has no interaction '" + interactionId + "'"));
		if (attempt.credits().containsKey(interactionId)) {
			throw new ConflictException("This interaction was already answered; an answer is given once");
		}
		var score = interaction.score(response);
		var now = clock.instant();
		var elapsed = timeTaken == null || timeTaken.isNegative() || timeTaken.compareTo(Duration.ofHours(12)) > 0
				? null : timeTaken;
		// The same answer sent twice at once: the second inserts nothing and is refused as a replay.
		var inserted = jdbc.sql("""
				INSERT INTO answers (attempt_id, interaction_id, organisation_id, response, credit, correct,
				                     time_taken_ms, answered_at)
				VALUES (:attempt, :interaction, :organisation, :response, :credit, :correct, :took, :now)
				ON CONFLICT DO NOTHING
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
		if (inserted == 0) {
			throw new ConflictException("This interaction was already answered; an answer is given once");
		}
		var skills = lessons.skillsOf(attempt.lesson());
		events.publishEvent(new AnswerRecorded(learner.organisationId(), learner.userId(), lesson,
				attempt.lesson().version(), interactionId, skills, interaction.assessesObjective(), score.correct(),
				score.credit(), elapsed, now));
		var credits = new HashMap<>(attempt.credits());
		credits.put(interactionId, score.credit());
		var complete = attempt.lesson().content().interactions().stream().allMatch(i -> credits.containsKey(i.id()));
		if (complete) {
			complete(learner, attempt.id(), attempt.lesson(), credits, now);
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
			complete(learner, attempt.id(), attempt.lesson(), Map.of(), clock.instant());
		}
		return attempt(learner, lesson).orElseThrow();
	}

	private void complete(CurrentMember learner, UUID attempt, LessonVersion version,
			Map<String, Double> credits, Instant now) {
		jdbc.sql("""
				UPDATE lesson_attempts
				SET completed_at = :now, updated_at = :now
				WHERE id = :id
				  AND completed_at IS NULL
				""")
			.param("id", attempt)
			.param("now", Timestamps.of(now))
			.update();
		var assessed = version.content()
			.interactions()
			.stream()
			.filter(Interaction::assessesObjective)
			.mapToDouble(i -> credits.get(i.id()))
			.average()
			.orElse(1);
		events.publishEvent(new LessonCompleted(learner.organisationId(), learner.userId(), version.lessonId(),
				version.version(), lessons.skillsOf(version), assessed, now));
	}

	/** What answering needs of an attempt: its version and the credit of each answer so far, without the answers. */
	private record State(UUID id, LessonVersion lesson, Map<String, Double> credits) {
	}

	private Optional<State> state(CurrentMember learner, LessonId lesson) {
		var rows = rows(learner, lesson);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		var credits = new HashMap<String, Double>();
		rows.stream().filter(r -> r.interaction() != null).forEach(r -> credits.put(r.interaction(), r.credit()));
		var version = lessons.version(learner.organisationId(), lesson, rows.getFirst().version()).orElseThrow();
		return Optional.of(new State(rows.getFirst().id(), version, credits));
	}

	/** The learner's attempt with its answers, in one query: every page of the player reads it. */
	private Optional<Attempt> attempt(CurrentMember learner, LessonId lesson) {
		var rows = rows(learner, lesson);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		var first = rows.getFirst();
		var version = lessons.version(learner.organisationId(), lesson, first.version()).orElseThrow();
		var interactions = version.content().interactions();
		var answers = new HashMap<String, Attempt.Answer>();
		for (var row : rows) {
			if (row.interaction() == null) {
				continue;
			}
			var response = json.readValue(row.response(), Response.class);
			var score = interactions.stream()
				.filter(i -> i.id().equals(row.interaction()))
				.findFirst()
				.orElseThrow()
				.score(response);
			answers.put(row.interaction(), new Attempt.Answer(response, score, row.answeredAt().toInstant()));
		}
		return Optional.of(new Attempt(first.id(), version, first.step(), answers,
				first.completedAt() == null ? null : first.completedAt().toInstant()));
	}

	/** One row per answer of the learner's attempt (one without an answer when there is none yet). */
	private record Row(UUID id, int version, int step, @Nullable OffsetDateTime completedAt,
			@Nullable String interaction, @Nullable String response, double credit,
			@Nullable OffsetDateTime answeredAt) {
	}

	private List<Row> rows(CurrentMember learner, LessonId lesson) {
		return jdbc.sql("""
				SELECT a.id, a.version, a.step, a.completed_at, r.interaction_id, r.response, r.credit, r.answered_at
				FROM lesson_attempts a
				LEFT JOIN answers r ON r.attempt_id = a.id
				WHERE a.organisation_id = :organisation
				  AND a.user_id = :user
				  AND a.lesson_id = :lesson
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getDouble(7),
					rs.getObject(8, OffsetDateTime.class)))
			.list();
	}
}
