package io.morsel.learning;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Marking;
import io.morsel.catalog.Response;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.shared.Caches;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import io.morsel.catalog.ProgramSights;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learners take lessons: an attempt starts on the latest published version and stays on it; each interaction is
 * answered once (a replayed submission is refused), every answer is stored and announced, and the lesson completes
 * when all its interactions are answered. A completed lesson can be retaken: a new, numbered attempt, the earlier ones
 * kept as they were; everything else here works on the learner's latest attempt.
 */
@Service
public class Attempts {

	private final JdbcClient jdbc;
	private final Lessons lessons;
	private final JsonMapper json;
	private final AnswerWriter writer;
	private final Answers answers;
	private final Clock clock;
	private final Cache<Key, Started> started;
	private final ProgramSights sights;
	/** The attempts being looked up for {@link #started}, each by the first request that needed it. */
	private final Map<Key, CompletableFuture<Started>> lookups = new ConcurrentHashMap<>();

	Attempts(JdbcClient jdbc, Lessons lessons, JsonMapper json, AnswerWriter writer, Answers answers, Clock clock,
			Caches caches, ProgramSights sights) {
		this.sights = sights;
		this.started = caches.named("started-attempts");
		this.jdbc = jdbc;
		this.lessons = lessons;
		this.json = json;
		this.writer = writer;
		this.answers = answers;
		this.clock = clock;
	}

	/** The learner's attempt at the lesson, if they started it. */
	public Optional<Attempt> find(Learner learner, LessonId lesson) {
		return attempt(learner, lesson);
	}

	/**
	 * Resumes the learner's attempt, or starts one on the lesson's published version. No transaction: resuming is one
	 * query, and starting one statement that cannot half-happen.
	 */
	public Attempt open(Learner learner, LessonId lesson) {
		requireSeen(learner, lesson);
		var existing = attempt(learner, lesson);
		if (existing.isPresent()) {
			return existing.get();
		}
		start(learner, lesson, 1, clock.instant());
		return attempt(learner, lesson).orElseThrow();
	}

	/**
	 * Starts a new attempt at a lesson the learner completed, on the version learners now get (a significant new
	 * version is taken this way). The earlier attempts stay as they were, with their answers and score. While the
	 * latest attempt is not complete, that one is the retake: two tabs asking at once get the same new attempt.
	 * @throws NotFoundException when the lesson is not one learners can start now
	 * @throws ConflictException when the learner never started the lesson that exists (there is nothing to retake)
	 */
	public Attempt retake(Learner learner, LessonId lesson) {
		// A lesson nobody can start is missing, whatever the learner did: asked first, so that a made-up or another
		// organisation's lesson answers 404 like every missing one, not 409.
		lessons.latestPublished(learner.organisationId(), lesson)
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
		requireSeen(learner, lesson);
		var latest = startedRow(learner, lesson)
			.orElseThrow(() -> new ConflictException("learning.refused.take-lesson-first-retake-comes-after"));
		var current = attempt(learner, lesson).orElseThrow();
		if (!current.completed()) {
			return current;
		}
		start(learner, lesson, latest.number() + 1, clock.instant());
		started.invalidate(new Key(learner.organisationId(), learner.userId(), lesson));
		return attempt(learner, lesson).orElseThrow();
	}

	/**
	 * Starts the learner's attempt of this number on the lesson's published version at this time, unless they have
	 * it.
	 */
	private void start(Learner learner, LessonId lesson, int number, Instant at) {
		var version = lessons.latestPublished(learner.organisationId(), lesson)
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
		var now = Timestamps.of(at);
		// Two requests of the same learner may start the same attempt at once: the second inserts nothing and
		// resumes. (A failed INSERT would abort a caller's transaction on PostgreSQL, so the conflict is not an
		// exception.)
		jdbc.sql("""
				INSERT INTO lesson_attempts (id, organisation_id, user_id, lesson_id, attempt, version, step, started_at,
				                             updated_at)
				VALUES (:id, :organisation, :user, :lesson, :number, :version, 0, :now, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.param("number", number)
			.param("version", version.version())
			.param("now", now)
			.update();
	}

	/**
	 * The lessons the learner completed on a version older than a significant one published since, and has not
	 * started again on it. No query at all while the organisation has no significant version (Today asks on every
	 * visit); else one.
	 */
	public List<LessonUpdate> updates(Learner learner) {
		var significant = lessons.significantVersions(learner.organisationId());
		if (significant.isEmpty()) {
			return List.of();
		}
		var completed = new HashMap<LessonId, Integer>();
		jdbc.sql("""
				SELECT lesson_id, MAX(version), MAX(CASE WHEN completed_at IS NULL THEN 0 ELSE 1 END)
				FROM lesson_attempts
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND lesson_id IN (:lessons)
				GROUP BY lesson_id
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lessons", significant.keySet().stream().map(LessonId::value).toList())
			.query(rs -> {
				if (rs.getInt(3) == 1) {
					completed.put(new LessonId(rs.getObject(1, UUID.class)), rs.getInt(2));
				}
			});
		return updates(lessons, learner.organisationId(), significant, completed);
	}

	/**
	 * The updates to offer, by title: each lesson completed (on the newest version taken, {@code completed}) before a
	 * significant version published since ({@code significant}).
	 */
	static List<LessonUpdate> updates(Lessons lessons, OrganisationId organisation, Map<LessonId, Integer> significant,
			Map<LessonId, Integer> completed) {
		var updates = new java.util.ArrayList<LessonUpdate>();
		completed.forEach((lesson, taken) -> {
			var version = significant.get(lesson);
			if (version != null && taken < version) {
				lessons.version(organisation, lesson, version)
					.ifPresent(v -> updates.add(new LessonUpdate(lesson, v.content().title(), taken, version)));
			}
		});
		updates.sort(java.util.Comparator.comparing(LessonUpdate::title));
		return updates;
	}

	/**
	 * Remembers where the learner is in the lesson, so they resume there on any device: the attempt {@link #open} gave
	 * this request, at the step, without reading it again.
	 */
	public Attempt moveTo(Learner learner, Attempt attempt, int step) {
		var last = attempt.lesson().content().blocks().size() - 1;
		var moved = attempt.at(Math.max(0, Math.min(step, last)));
		jdbc.sql("""
				UPDATE lesson_attempts
				SET step = :step, updated_at = :now
				WHERE id = :id
				  AND organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("id", attempt.id())
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("step", moved.step())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		return moved;
	}

	/**
	 * Scores and stores an answer, and completes the lesson when it was the last one missing.
	 * @throws InvalidRequestException when the lesson has no such interaction
	 * @throws io.morsel.catalog.InvalidResponseException when the response does not fit the interaction
	 * @throws AlreadyAnswered when the interaction was already answered (its feedback in the problem detail)
	 */
	public Feedback answer(Learner learner, LessonId lesson, String interactionId, Response response,
			@Nullable Duration timeTaken) {
		return answer(learner, lesson, interactionId, response, timeTaken, null);
	}

	/**
	 * Scores and stores an answer sent with an idempotency key, and completes the lesson when it was the last one
	 * missing. Sent again with the same key and response (its client saw an error, or a form was sent twice), it
	 * answers the stored answer's feedback, {@link Feedback#replayed() replayed}; only then is the stored answer read.
	 * @throws InvalidRequestException when the lesson has no such interaction
	 * @throws io.morsel.catalog.InvalidResponseException when the response does not fit the interaction
	 * @throws AlreadyAnswered when the interaction was answered already without this key
	 * @throws IdempotencyKeyReused when the key came with another response, which is stored
	 */
	public Feedback answer(Learner learner, LessonId lesson, String interactionId, Response response,
			@Nullable Duration timeTaken, @Nullable IdempotencyKey key) {
		return answer(learner, lesson, interactionId, response, timeTaken, key, ZoneOffset.UTC);
	}

	/**
	 * As {@link #answer(Learner, LessonId, String, Response, Duration, IdempotencyKey)}, counted towards the daily goal
	 * on the day it is in the learner's time zone.
	 */
	public Feedback answer(Learner learner, LessonId lesson, String interactionId, Response response,
			@Nullable Duration timeTaken, @Nullable IdempotencyKey key, ZoneId zone) {
		return answer(learner, lesson, interactionId, response, timeTaken, key, zone, null);
	}

	/**
	 * As {@link #answer(Learner, LessonId, String, Response, Duration, IdempotencyKey, ZoneId)}, given at
	 * {@code answeredAt} (an answer given offline and sent later, {@link AnsweredAt}) or now when that is null: stored
	 * at that time and counted on that day.
	 */
	public Feedback answer(Learner learner, LessonId lesson, String interactionId, Response response,
			@Nullable Duration timeTaken, @Nullable IdempotencyKey key, ZoneId zone, @Nullable Instant answeredAt) {
		var now = answeredAt == null ? clock.instant() : answeredAt;
		// An answer given before the attempt was known here (offline, or history) started it when it was given.
		var attempt = started(learner, lesson, now);
		var version = lessons.version(learner.organisationId(), lesson, attempt.version()).orElseThrow();
		var interaction = version.content()
			.interactions()
			.stream()
			.filter(i -> i.id().equals(interactionId))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("learning.refused.lesson-has-no-interaction",
					interactionId));
		var score = interaction.score(response);
		var elapsed = timeTaken == null || timeTaken.isNegative() || timeTaken.compareTo(Duration.ofHours(12)) > 0
				? null : timeTaken;
		// The same answer sent twice, even at once: the second inserts nothing, and is refused as a replay unless it
		// carries the stored answer's key.
		var written = writer.write(new Answers.Pending(attempt.id(), version, learner, interaction,
				json.writeValueAsString(response), score, elapsed, now, key, LearningDay.dateOf(now, zone)));
		if (!written.stored()) {
			var latest = startedRow(learner, lesson).orElseThrow();
			if (!latest.id().equals(attempt.id())) {
				// This node kept an attempt that a retake on another node has since followed: answer in the new one.
				started.invalidate(new Key(learner.organisationId(), learner.userId(), lesson));
				return answer(learner, lesson, interactionId, response, timeTaken, key, zone, answeredAt);
			}
			return storedEarlier(attempt.id(), interaction, response, key);
		}
		return new Feedback(interactionId, score, written.lessonCompleted());
	}

	/**
	 * The attempt as an answer this request gave left it, without reading it again where that is certain:
	 * {@code before} (what {@link #open} gave the request before it answered) with the answer in it, at the answer's
	 * step, and complete from {@code answeredAt} when the answer completed the lesson. Read again when this request did
	 * not store the answer (its feedback is a replay), when {@code before} had it already (a retake elsewhere took the
	 * answer to a newer attempt), and when the answer completed the lesson while {@code before} lacks another one
	 * (given meanwhile in another tab or on another device), so that a complete attempt always has every answer.
	 * An answer given meanwhile elsewhere to an attempt that is still incomplete is not in it.
	 * @param response what the learner answered, as given to {@link #answer}
	 * @param answeredAt when, as given to {@link #answer} (now, unless it was given offline)
	 */
	public Attempt afterAnswer(Learner learner, Attempt before, Feedback feedback, Response response,
			Instant answeredAt) {
		var interaction = feedback.interactionId();
		if (feedback.replayed() || before.answered(interaction)) {
			return open(learner, before.lesson().lessonId());
		}
		var after = before.with(interaction, new Attempt.Answer(response, feedback.score(), answeredAt),
				feedback.lessonCompleted());
		if (feedback.lessonCompleted()
				&& after.answers().size() < after.lesson().content().interactions().size()) {
			return open(learner, before.lesson().lessonId());
		}
		return after;
	}

	/**
	 * The stored answer's feedback for an answer that inserted nothing, when that answer is this one sent again with
	 * its key; else the refusal. The stored answer is read only here, off the normal path.
	 */
	private Feedback storedEarlier(UUID attempt, Interaction interaction, Response response,
			@Nullable IdempotencyKey key) {
		var stored = jdbc.sql("""
				SELECT r.response, r.idempotency_key, a.completed_at
				FROM answers r
				JOIN lesson_attempts a ON a.id = r.attempt_id
				WHERE r.attempt_id = :attempt
				  AND r.interaction_id = :interaction
				""")
			.param("attempt", attempt)
			.param("interaction", interaction.id())
			.query((rs, n) -> new StoredAnswer(json.readValue(rs.getString(1), Response.class), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class) != null))
			.optional()
			.orElseThrow(() -> new ConflictException("learning.refused.interaction-was-already-answered-answer-given"));
		var feedback = new Feedback(interaction.id(), interaction.score(stored.response()), stored.lessonCompleted(),
				true);
		if (key == null || !key.value().equals(stored.key())) {
			throw new AlreadyAnswered(new Feedback(interaction.id(), feedback.score(), feedback.lessonCompleted()));
		}
		if (!stored.response().equals(response)) {
			throw new IdempotencyKeyReused(feedback);
		}
		return feedback;
	}

	/** An interaction's stored answer: what was answered, with which key, and whether the lesson is complete. */
	private record StoredAnswer(Response response, @Nullable String key, boolean lessonCompleted) {
	}

	/**
	 * Judges an answer given again as practice, once the learner has given the scored one; nothing is stored.
	 * @throws InvalidRequestException when the lesson has no such interaction
	 * @throws ConflictException while the interaction has no scored answer: practice comes after it
	 * @throws io.morsel.catalog.InvalidResponseException when the response does not fit the interaction
	 */
	public Practice practise(Learner learner, LessonId lesson, String interactionId, Response response) {
		requireSeen(learner, lesson);
		var attempt = find(learner, lesson)
			.orElseThrow(() -> new ConflictException("learning.refused.answer-question-first"));
		var interaction = attempt.lesson()
			.content()
			.interactions()
			.stream()
			.filter(i -> i.id().equals(interactionId))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("learning.refused.lesson-has-no-interaction",
					interactionId));
		if (!attempt.answered(interactionId)) {
			throw new ConflictException("learning.refused.answer-question-first-trying-again-comes");
		}
		return new Practice(interactionId, interaction.score(response), Marking.of(interaction, response));
	}

	/** Completes a lesson that has no interactions, once the learner has reached its end. */
	@Transactional
	public Attempt finish(Learner learner, LessonId lesson) {
		return finish(learner, lesson, ZoneOffset.UTC);
	}

	/**
	 * Completes a lesson that has no interactions, once the learner has reached its end, counted towards the daily
	 * goal on the day it is in the learner's time zone.
	 */
	@Transactional
	public Attempt finish(Learner learner, LessonId lesson, ZoneId zone) {
		var attempt = open(learner, lesson);
		if (!attempt.lesson().content().interactions().isEmpty()) {
			throw new ConflictException("learning.refused.lesson-completes-when-all-interactions-answered");
		}
		var now = clock.instant();
		if (!attempt.completed() && answers.complete(learner, attempt.id(), attempt.lesson(),
				AttemptProgress.of(attempt.lesson(), 0, 0), now)) {
			answers.addToDay(learner, new LearningDay(LearningDay.dateOf(now, zone), 0, 1, 0));
		}
		return attempt(learner, lesson).orElseThrow();
	}

	/**
	 * Which attempt a learner is on at a lesson, its number and its version: fixed until a retake starts the next one
	 * (which forgets it here; another node finds out when an answer meets the old, completed attempt).
	 */
	private record Started(UUID id, int number, int version) {
	}

	private record Key(OrganisationId organisation, UserId user, LessonId lesson) {
	}

	/**
	 * The learner's attempt, started at {@code at} if need be: from memory once known, as it never changes. Requests
	 * that need the same unknown attempt at once wait for one of them to look it up, parked on its lookup: not inside
	 * the cache's computation, whose lock they would spin on while the lookup queries the database (a learner's first
	 * answers to a lesson often come together: several tabs, or a client sending answers given offline).
	 */
	private Started started(Learner learner, LessonId lesson, Instant at) {
		var key = new Key(learner.organisationId(), learner.userId(), lesson);
		var known = started.getIfPresent(key);
		if (known != null) {
			return known;
		}
		var lookup = new CompletableFuture<Started>();
		var running = lookups.putIfAbsent(key, lookup);
		if (running != null) {
			try {
				return running.join();
			}
			catch (CompletionException e) {
				throw e.getCause() instanceof RuntimeException cause ? cause : e;
			}
		}
		try {
			// Asked when this node first meets the attempt, not on every answer: the answers' path stays one write.
			requireSeen(learner, lesson);
			var found = startedRow(learner, lesson).orElseGet(() -> {
				start(learner, lesson, 1, at);
				return startedRow(learner, lesson).orElseThrow();
			});
			started.put(key, found);
			lookup.complete(found);
			return found;
		}
		catch (RuntimeException | Error e) {
			lookup.completeExceptionally(e);
			throw e;
		}
		finally {
			lookups.remove(key, lookup);
		}
	}

	/**
	 * A lesson the learner may not see (a partner's, outside the programs assigned or open to them) is missing to them,
	 * whatever they did in it before.
	 */
	private void requireSeen(Learner learner, LessonId lesson) {
		if (!sights.of(learner.organisationId(), learner.userId()).sees(lesson)) {
			throw new NotFoundException("not-found.lesson");
		}
	}

	/** The latest attempt's id, number and version alone, without its answers. */
	private Optional<Started> startedRow(Learner learner, LessonId lesson) {
		return jdbc.sql("""
				SELECT id, attempt, version
				FROM lesson_attempts
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND lesson_id = :lesson
				ORDER BY attempt DESC
				FETCH FIRST 1 ROWS ONLY
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.query((rs, n) -> new Started(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3)))
			.optional();
	}

	/** The learner's attempt with its answers, in one query: every page of the player reads it. */
	private Optional<Attempt> attempt(Learner learner, LessonId lesson) {
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
				first.completedAt() == null ? null : first.completedAt().toInstant(), first.startedAt().toInstant()));
	}

	/** One row per answer of the learner's attempt (one without an answer when there is none yet). */
	private record Row(UUID id, int version, int step, @Nullable OffsetDateTime completedAt,
			@Nullable String interaction, @Nullable String response, double credit,
			@Nullable OffsetDateTime answeredAt, OffsetDateTime startedAt) {
	}

	private List<Row> rows(Learner learner, LessonId lesson) {
		return jdbc.sql("""
				SELECT a.id, a.version, a.step, a.completed_at, r.interaction_id, r.response, r.credit, r.answered_at,
				       a.started_at
				FROM lesson_attempts a
				LEFT JOIN answers r ON r.attempt_id = a.id
				WHERE a.organisation_id = :organisation
				  AND a.user_id = :user
				  AND a.lesson_id = :lesson
				  AND a.attempt = (
				      SELECT MAX(attempt)
				      FROM lesson_attempts
				      WHERE organisation_id = :organisation
				        AND user_id = :user
				        AND lesson_id = :lesson)
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getDouble(7),
					rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
			.list();
	}
}
