package io.morsel.learning;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Score;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.Timestamps;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores scored answers, many learners' in one transaction (ADR 0005). Each answer request waits until its answer is
 * committed, so nothing changes for the learner; but when many answer at once, the node writes them together: one
 * commit, one flush of PostgreSQL's log and a few round trips for a whole batch instead of for each answer. A batch
 * holds what arrived while the previous one was being written, so a lone answer is written at once.
 *
 * <p>In a batch's transaction the answers are inserted (an answer already given inserts nothing: a replay), each
 * attempt's count of answers (and the credit they earned on interactions assessing the objective) goes up by its new
 * ones, which locks its row until the commit, and a lesson whose every interaction is now answered completes, without
 * reading the answers table. Everything is written in one order, by attempt and interaction, so two
 * batches (of one node or two) never wait on each other in a circle, and the lock makes the count exact even when two
 * nodes write the last two answers of an attempt at the same time. {@link AnswerRecorded} and {@link LessonCompleted}
 * are published in the same transaction, so the event publication log holds them exactly when the answers are stored.
 */
@Component
class AnswerWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AnswerWriter.class);

	/** The most answers written in one transaction. */
	private static final int MOST = 256;

	/** An answer to write, scored, and the request waiting for it. */
	record Pending(UUID attempt, LessonVersion version, CurrentMember learner, Interaction interaction, String response,
			Score score, @Nullable Duration timeTaken, Instant at, CompletableFuture<Written> written) {

		Pending(UUID attempt, LessonVersion version, CurrentMember learner, Interaction interaction, String response,
				Score score, @Nullable Duration timeTaken, Instant at) {
			this(attempt, version, learner, interaction, response, score, timeTaken, at, new CompletableFuture<>());
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
	private final TransactionTemplate transactions;
	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final Timer batches;
	private final DistributionSummary batchSizes;
	private volatile @Nullable Thread writer;

	AnswerWriter(JdbcTemplate jdbc, JdbcClient sql, Lessons lessons, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.sql = sql;
		this.lessons = lessons;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.batches = Timer.builder("morsel.answers.batches")
			.description("Transactions of the answer writer, each writing a batch of answers")
			.register(meters);
		this.batchSizes = DistributionSummary.builder("morsel.answers.batch.size")
			.description("Answers written in one transaction of the answer writer")
			.baseUnit("answers")
			.register(meters);
	}

	/**
	 * Writes the answer and returns once it is committed. Inside a caller's transaction it is written in that
	 * transaction instead (a batch's transaction would wait for the caller's locks, and the caller for the batch).
	 */
	Written write(Pending answer) {
		if (TransactionSynchronizationManager.isActualTransactionActive() || writer == null) {
			return writeHere(answer);
		}
		queue.add(answer);
		if (writer == null && queue.remove(answer)) {
			return writeHere(answer); // Stopped in between.
		}
		try {
			return answer.written().join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	/** Writes the answer on the caller's thread, in its transaction if it has one. */
	private Written writeHere(Pending answer) {
		return transactions.execute(status -> store(List.of(answer))).getFirst();
	}

	private void run() {
		var batch = new ArrayList<Pending>();
		// Not interrupted to stop, which could break off a batch's transaction: it sees writer gone and ends once the
		// queue is empty, so no answer waiting is dropped.
		while (writer != null || !queue.isEmpty()) {
			try {
				var first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, MOST - 1);
				writeAll(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	/** Writes a batch in one transaction; when that fails, each answer alone, so one answer's failure is only its own. */
	private void writeAll(List<Pending> batch) {
		try {
			var started = System.nanoTime();
			var written = transactions.execute(status -> store(batch));
			batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			batchSizes.record(batch.size());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).written().complete(written.get(i));
			}
		}
		catch (RuntimeException | Error failed) {
			if (batch.size() == 1) {
				batch.getFirst().written().completeExceptionally(failed);
				return;
			}
			log.debug("A batch of {} answers failed; writing them one by one", batch.size(), failed);
			for (var answer : batch) {
				writeAll(List.of(answer));
			}
		}
	}

	private List<Written> store(List<Pending> batch) {
		// In one order everywhere, by attempt and interaction, so that two batches never wait on each other in a circle.
		var ordered = batch.stream()
			.sorted(Comparator.comparing(Pending::attempt).thenComparing(answer -> answer.interaction().id()))
			.toList();
		var inserted = new IdentityHashMap<Pending, Boolean>();
		var counts = jdbc.batchUpdate("""
				INSERT INTO answers (attempt_id, interaction_id, organisation_id, response, credit, correct,
				                     time_taken_ms, answered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""", ordered, ordered.size(), AnswerWriter::bind);
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
				SET answered = answered + ?, assessed_credit = assessed_credit + ?, updated_at = ?
				WHERE id = ?
				""", List.copyOf(added.entrySet()), added.size(), (statement, attempt) -> {
			statement.setInt(1, attempt.getValue().answers());
			statement.setDouble(2, attempt.getValue().assessedCredit());
			statement.setObject(3, now);
			statement.setObject(4, attempt.getKey());
		});
		var totals = totals(List.copyOf(added.keySet()));
		var completing = new HashSet<UUID>();
		var written = new ArrayList<Written>(batch.size());
		for (var answer : batch) {
			if (!inserted.get(answer)) {
				written.add(new Written(false, false));
				continue;
			}
			var learner = answer.learner();
			var version = answer.version();
			var total = totals.get(answer.attempt());
			var complete = total.answered() >= version.content().interactions().size();
			if (complete && completing.add(answer.attempt())) {
				complete(learner, answer.attempt(), version, answer.at(), total.assessedCredit());
			}
			var score = answer.score();
			events.publishEvent(new AnswerRecorded(learner.organisationId(), learner.userId(), version.lessonId(),
					version.version(), answer.interaction().id(), lessons.skillsOf(version),
					answer.interaction().assessesObjective(), score.correct(), score.credit(), answer.timeTaken(),
					answer.at()));
			written.add(new Written(true, complete));
		}
		return written;
	}

	/** What a batch adds to an attempt: its new answers, and their credit on interactions assessing the objective. */
	private record Added(int answers, double assessedCredit) {

		static Added of(Pending answer) {
			return new Added(1, answer.interaction().assessesObjective() ? answer.score().credit() : 0);
		}

		Added plus(Added other) {
			return new Added(answers + other.answers, assessedCredit + other.assessedCredit);
		}
	}

	/**
	 * An attempt's answers so far and the credit they earned on interactions assessing the objective (null for an
	 * attempt started before that credit was kept, migration V13).
	 */
	private record Total(int answered, @Nullable Double assessedCredit) {
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
	}

	/** How many answers each attempt has and the credit they earned, this batch's included. */
	private Map<UUID, Total> totals(List<UUID> attempts) {
		var totals = new HashMap<UUID, Total>();
		sql.sql("SELECT id, answered, assessed_credit FROM lesson_attempts WHERE id IN (:attempts)")
			.param("attempts", attempts)
			.query(rs -> {
				totals.put(rs.getObject(1, UUID.class), new Total(rs.getInt(2), rs.getObject(3, Double.class)));
			});
		return totals;
	}

	/**
	 * Marks the attempt completed, once, and announces it with the average credit of its assessed interactions (1 for
	 * a lesson that assesses none), from the sum of their credits. In the caller's transaction.
	 */
	boolean complete(CurrentMember learner, UUID attempt, LessonVersion version, Instant at,
			@Nullable Double assessedCredit) {
		var marked = sql.sql("""
				UPDATE lesson_attempts
				SET completed_at = :now, updated_at = :now
				WHERE id = :id
				  AND completed_at IS NULL
				""")
			.param("id", attempt)
			.param("now", Timestamps.of(at))
			.update();
		if (marked == 0) {
			return false;
		}
		var assessed = version.content().interactions().stream().filter(Interaction::assessesObjective).toList();
		var credit = assessedCredit != null ? assessedCredit : creditFromAnswers(attempt, assessed);
		events.publishEvent(new LessonCompleted(learner.organisationId(), learner.userId(), version.lessonId(),
				version.version(), lessons.skillsOf(version), assessed.isEmpty() ? 1 : credit / assessed.size(), at));
		return true;
	}

	/** The credit an attempt started before migration V13 earned on the assessed interactions, from its answers. */
	private double creditFromAnswers(UUID attempt, List<Interaction> assessed) {
		var credits = new HashMap<String, Double>();
		sql.sql("SELECT interaction_id, credit FROM answers WHERE attempt_id = :id")
			.param("id", attempt)
			.query(rs -> {
				credits.put(rs.getString(1), rs.getDouble(2));
			});
		return assessed.stream().mapToDouble(i -> credits.getOrDefault(i.id(), 0.0)).sum();
	}

	@Override
	public void start() {
		// A platform thread, unlike the requests' virtual ones: the writer is the one step every answer goes through in
		// turn, and as a virtual thread it queued for one of the few carrier threads behind the requests each time
		// PostgreSQL answered it, which made a batch's transaction last about half as long again (ADR 0005).
		var thread = Thread.ofPlatform().daemon().name("answer-writer").unstarted(this::run);
		writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		var running = writer;
		writer = null;
		if (running != null) {
			try {
				running.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}
}
