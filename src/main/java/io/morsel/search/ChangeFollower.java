package io.morsel.search;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with the change log: every {@code morsel.search.poll-interval} it reads the entries
 * after the last one applied (one range scan of the primary key) and applies them, so a lesson published on any node
 * is found on every node within about that interval.
 *
 * <p>Ids come from a sequence, so an entry may commit after one with a higher id was already read. The ids skipped
 * are asked for again on every poll, for a minute, and applied when they appear; an id whose transaction rolled back
 * never does. A node whose index is new (or belongs to another database) builds it from the catalog first.
 *
 * <p>Every {@code morsel.search.heartbeat-interval} the node writes how far it has applied the log (NodePositions),
 * so the log can be pruned below every live node's position (ChangePruning). A node that finds the log pruned past what
 * its index applied (it was gone for a while) builds its index again from the catalog.
 *
 * <p>One platform thread does all the writing (STACK.md trap 14), so the index has a single writer; another sends the
 * heartbeats, so a long build does not make the node look gone.
 */
@Component
class ChangeFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);

	private static final int BATCH = 500;
	private static final int MAX_GAPS = 10_000;
	private static final long GAP_WAIT = Duration.ofMinutes(1).toNanos();
	/** Lessons written again with their vectors between two commits. */
	private static final int AWAITING_BATCH = 20;

	private final ChangeLog changes;
	private final SearchIndex index;
	private final Lessons lessons;
	private final Programs programs;
	private final Duration interval;
	private final boolean rebuildOnStart;
	private final Embeddings embeddings;
	private final ImageTexts imageTexts;

	/**
	 * Whether the index has every lesson's vectors but for a backlog of lessons written since while the model was
	 * ready (SearchIndex#hasVectors); one thread's.
	 */
	private boolean everyVector;

	/** Whether the lessons awaiting their vectors were counted in the log since the backlog last emptied. */
	private boolean backlogLogged;

	/** The last entry applied, and the skipped ids still awaited (with when each was first missed); one thread's. */
	private long applied;
	private final Map<Long, Long> gaps = new HashMap<>();

	private volatile long appliedChange = -1;
	private volatile ScheduledExecutorService thread;

	/** This run of the node, in {@code search_positions}; and the entry after which it still needs the log (-1: unknown). */
	private final UUID node = UUID.randomUUID();
	private volatile long needsAfter = -1;
	private final NodePositions positions;
	private final Clock clock;
	private final Duration heartbeat;
	private volatile @Nullable ScheduledExecutorService heartbeats;

	ChangeFollower(ChangeLog changes, SearchIndex index, Lessons lessons, Programs programs,
			@Value("${morsel.search.poll-interval}") Duration interval,
			@Value("${morsel.search.rebuild-on-start}") boolean rebuildOnStart, Embeddings embeddings,
			ImageTexts imageTexts, NodePositions positions, Clock clock,
			@Value("${morsel.search.heartbeat-interval}") Duration heartbeat) {
		this.positions = positions;
		this.clock = clock;
		this.heartbeat = heartbeat;
		this.changes = changes;
		this.index = index;
		this.lessons = lessons;
		this.programs = programs;
		this.interval = interval;
		this.rebuildOnStart = rebuildOnStart;
		this.embeddings = embeddings;
		this.imageTexts = imageTexts;
	}

	@Override
	public void start() {
		thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("search-index").daemon().factory());
		thread.execute(this::catchUp);
		thread.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		heartbeats = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("search-heartbeat").daemon().factory());
		heartbeats.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void heartbeat() {
		var position = needsAfter;
		if (position < 0) {
			return;
		}
		try {
			positions.heartbeat(node, position, clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("Could not record this node's search position; trying again", e);
		}
	}

	/** Records where this node needs the log from, at once (the heartbeat repeats it). */
	private void needsAfter(long position) {
		needsAfter = position;
		heartbeat();
	}

	@Override
	public void stop() {
		var beating = heartbeats;
		heartbeats = null;
		if (beating != null) {
			beating.shutdownNow();
			try {
				positions.forget(node);
			}
			catch (RuntimeException e) {
				log.warn("Could not remove this node's search position; it expires", e);
			}
		}
		var running = thread;
		thread = null;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	/** The last change-log entry the index applied; -1 before the first build or catch-up ends. */
	long appliedChange() {
		return appliedChange;
	}

	/** Resumes where the index's last commit ended, or builds the whole index when it cannot. */
	private void catchUp() {
		try {
			var recorded = index.appliedChange();
			var last = changes.last();
			if (rebuildOnStart || recorded.isEmpty() || recorded.getAsLong() > last
					|| recorded.getAsLong() < changes.prunedUpTo()) {
				rebuildAll(last);
			}
			else {
				applied = recorded.getAsLong();
				everyVector = index.hasVectors();
				appliedChange = applied;
				needsAfter(applied);
			}
		}
		catch (IOException | RuntimeException e) {
			log.error("Could not build the search index; the next poll tries again", e);
		}
	}

	private void rebuildAll(long upTo) throws IOException {
		var started = System.nanoTime();
		// The build reads the catalog as it is now, so it needs only the entries after upTo.
		needsAfter(upTo);
		// Written by their words first, so the build is quick; search ranks by meaning again once every lesson has
		// its vectors, added by the polls that follow.
		everyVector = false;
		for (var organisation : changes.organisations()) {
			rebuild(organisation);
		}
		index.commit(upTo, everyVector);
		applied = upTo;
		appliedChange = upTo;
		gaps.clear();
		log.info("Built the search index up to change {} in {} ms ({} documents)", upTo,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), index.documents());
	}

	/**
	 * Applies the changes waiting, then adds vectors until no lesson awaits them or a change waits again, which is
	 * then applied at once; and so on.
	 */
	private void poll() {
		try {
			if (appliedChange < 0) {
				catchUp();
				return;
			}
			var gaveWay = false;
			while (!Thread.currentThread().isInterrupted()) {
				if (applyChanges()) {
					gaveWay = false;
					continue;
				}
				if (gaveWay) {
					// The vectors gave way to a change not readable yet (its id is skipped): until the next poll.
					return;
				}
				gaveWay = addVectors();
				if (!gaveWay) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// A database outage or a full disk: nothing past the last commit counts as applied, so the next poll
			// reads the same entries again, and applying one twice is harmless.
			log.warn("Could not apply search changes after {}; trying again", applied, e);
		}
	}

	/** Applies the next changes in the log, if any; whether it applied any (or built the index again). */
	private boolean applyChanges() throws IOException {
		var now = System.nanoTime();
		gaps.values().removeIf(firstMissed -> now - firstMissed > GAP_WAIT);
		var batch = changes.after(applied, gaps.keySet(), BATCH);
		// Read after the batch: pruning deletes entries and raises this in one transaction, so a batch read
		// after entries this node still needed were deleted is always caught here.
		if (applied < changes.prunedUpTo()) {
			log.warn("The search change log was pruned past change {}, which this node's index applied: building "
					+ "it again", applied);
			rebuildAll(changes.last());
			return true;
		}
		if (batch.isEmpty()) {
			return false;
		}
		// Worked out on copies: they replace the fields only once the index has committed what they describe.
		var reached = applied;
		var awaited = new HashMap<>(gaps);
		for (var change : batch) {
			apply(change);
			if (awaited.remove(change.id()) != null) {
				continue;
			}
			for (long skipped = reached + 1; skipped < change.id() && awaited.size() < MAX_GAPS; skipped++) {
				awaited.put(skipped, now);
			}
			reached = Math.max(reached, change.id());
		}
		index.commit(reached, everyVector);
		applied = reached;
		gaps.clear();
		gaps.putAll(awaited);
		appliedChange = reached;
		needsAfter(gaps.keySet().stream().mapToLong(id -> id - 1).min().orElse(reached));
		return true;
	}

	/**
	 * Once the model is ready, writes again with their vectors the lessons written by their words only, first written
	 * first, committing every {@link #AWAITING_BATCH} lessons, until none awaits them; between two batches of passages
	 * it gives way as soon as a change waits in the log, so a lesson published meanwhile is written by its words at
	 * once, whatever the backlog. When no lesson awaits its vectors any more, the index says so and search ranks by
	 * meaning too. Whether it gave way to changes.
	 */
	private boolean addVectors() throws IOException {
		if (!embeddings.ready()) {
			return false;
		}
		while (!Thread.currentThread().isInterrupted()) {
			var awaiting = index.awaitingVectors(AWAITING_BATCH);
			if (awaiting.isEmpty()) {
				backlogLogged = false;
				if (!everyVector) {
					everyVector = true;
					index.commit(applied, true);
					log.info("Every lesson of the search index has its sentence vectors: search ranks by words and "
							+ "meaning");
				}
				return false;
			}
			if (!backlogLogged) {
				backlogLogged = true;
				log.info("Adding sentence vectors to the {} lessons of the search index written by their words only",
						index.countAwaitingVectors());
			}
			var programsOf = new HashMap<OrganisationId, List<Program>>();
			var written = 0;
			var gaveWay = false;
			for (var next : awaiting) {
				if (!withVectors(next.organisation(), new LessonId(UUID.fromString(next.lesson())),
						programsOf.computeIfAbsent(next.organisation(), programs::all))) {
					gaveWay = true;
					break;
				}
				written++;
			}
			if (written > 0) {
				index.commit(applied, everyVector);
			}
			if (gaveWay) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the log holds entries this node has not applied (or the node stops): the index's thread then has more
	 * urgent work.
	 */
	private boolean changesWaiting() {
		return Thread.currentThread().isInterrupted() || changes.last() > applied;
	}

	private void apply(ChangeLog.Change change) throws IOException {
		if (change.lesson() == null) {
			rebuild(change.organisation());
			return;
		}
		index(change.organisation(), change.lesson(), programs.all(change.organisation()));
	}

	private void rebuild(OrganisationId organisation) throws IOException {
		index.removeOrganisation(organisation);
		var all = programs.all(organisation);
		for (var lesson : lessons.published(organisation)) {
			index(organisation, lesson.id(), all);
		}
	}

	/**
	 * Indexes the lesson's published version by its words, at once, replacing what the index had of it (its vectors
	 * follow, addVectors); drops it when none is.
	 */
	private void index(OrganisationId organisation, LessonId lesson, List<Program> all) throws IOException {
		var published = lessons.latestPublished(organisation, lesson);
		if (published.isEmpty()) {
			index.removeLesson(lesson.toString());
			return;
		}
		var built = LessonDocuments.of(published.get(), programNames(all, lesson),
				image -> imageTexts.of(organisation, image), LessonDocuments.Vectors.NONE);
		index.replaceLesson(lesson.toString(), built.documents());
		if (!embeddings.ready()) {
			// Not a backlog the model is working through: the model is still loading, or semantic search is off.
			everyVector = false;
		}
	}

	/**
	 * Writes the lesson's published version again with its passages' vectors; false, writing nothing, when it gave
	 * way to changes waiting in the log.
	 */
	private boolean withVectors(OrganisationId organisation, LessonId lesson, List<Program> all) throws IOException {
		var published = lessons.latestPublished(organisation, lesson);
		if (published.isEmpty()) {
			index.removeLesson(lesson.toString());
			return true;
		}
		var built = LessonDocuments.of(published.get(), programNames(all, lesson),
				image -> imageTexts.of(organisation, image), texts -> embeddings.embedAll(texts, this::changesWaiting));
		if (!built.vectors()) {
			return false;
		}
		index.replaceLesson(lesson.toString(), built.documents());
		return true;
	}

	private static List<String> programNames(List<Program> all, LessonId lesson) {
		return all.stream().filter(p -> p.lessons().contains(lesson)).map(Program::title).toList();
	}
}
