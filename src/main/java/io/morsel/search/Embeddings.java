package io.morsel.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.morsel.shared.Caches;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings for semantic search: the quantized all-MiniLM-L6-v2 model, which ships inside its Maven package
 * and runs in process on ONNX Runtime (384 dimensions; nothing is downloaded). It loads on a thread of its own once the
 * node has started, after {@code morsel.search.model-delay}: on two cores, loading it takes one of them for seconds,
 * which the node's first pages need more. Until then, and for good when {@code morsel.search.semantic=false},
 * {@link #ready()} is false and search is lexical alone. Off, the model is never loaded and costs no memory.
 *
 * <p>Vectors are normalised to unit length, so Lucene compares them by dot product (the cosine).
 *
 * <p>Indexing embeds passages with a budget, so learners' requests win the CPU: one passage at a time on the calling
 * thread (the model's default spreads a lesson's passages over a thread per core), in batches of
 * {@link #BATCH}, each followed by a pause of {@code morsel.search.embedding-pause} times what it took (1: indexing
 * embeds at most half the time of one core). A learner's query is embedded at once, without pause, and its vector kept
 * ({@code morsel.caches.query-vectors}): the model gives a text the same vector every time, and a query asked again
 * then costs about 3 ms of processor time less (ADR 0025, "Query vectors kept").
 */
@Component
class Embeddings implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

	/** What the vectors in an index were made with: an index built by another model must be built again. */
	static final String MODEL = "all-minilm-l6-v2-q";

	static final int DIMENSIONS = 384;

	/** Passages embedded between two pauses: about 40 ms of work on these cores. */
	static final int BATCH = 4;

	private final boolean enabled;
	private final double pause;
	private final Duration delay;

	/** The vectors of queries embedded lately, by their text: 2,000 are about 3.3 MB. */
	private final Cache<String, float[]> queries;

	private volatile @Nullable EmbeddingModel model;
	private volatile boolean running;

	@Autowired
	Embeddings(@Value("${morsel.search.semantic}") boolean enabled,
			@Value("${morsel.search.embedding-pause}") double pause, @Value("${morsel.search.model-delay}") Duration delay,
			Caches caches) {
		this(enabled, pause, delay, caches.<String, float[]>named("query-vectors"));
	}

	/** Outside the application (benchmarks, tests): the queries' vectors kept in a cache of its own, unmetered. */
	Embeddings(boolean enabled, double pause, Duration delay) {
		this(enabled, pause, delay, Caffeine.newBuilder().maximumSize(2000).<String, float[]>build());
	}

	private Embeddings(boolean enabled, double pause, Duration delay, Cache<String, float[]> queries) {
		this.enabled = enabled;
		this.pause = pause;
		this.delay = delay;
		this.queries = queries;
	}

	boolean enabled() {
		return enabled;
	}

	/** Whether texts can be embedded now: semantic search is on and the model has loaded. */
	boolean ready() {
		return model != null;
	}

	/** The text's vector; empty until the model is ready. Kept, so that a query asked again is not embedded again. */
	Optional<float[]> embed(String text) {
		var loaded = model;
		if (loaded == null) {
			return Optional.empty();
		}
		// A copy: whoever asks may do with it what they like, and the kept vector stays as the model made it.
		return Optional.of(queries.get(text, t -> unit(loaded.embed(t).content())).clone());
	}

	/** The texts' vectors, in order; empty until the model is ready. */
	Optional<List<float[]>> embedAll(List<String> texts) {
		return embedAll(texts, () -> false);
	}

	/**
	 * The texts' vectors, in order; empty until the model is ready, or when {@code giveWay} says so between two
	 * batches (more urgent work is waiting for the calling thread).
	 */
	Optional<List<float[]>> embedAll(List<String> texts, BooleanSupplier giveWay) {
		var loaded = model;
		if (loaded == null) {
			return Optional.empty();
		}
		if (texts.isEmpty()) {
			return Optional.of(List.of());
		}
		var vectors = new java.util.ArrayList<float[]>(texts.size());
		for (int from = 0; from < texts.size(); from += BATCH) {
			if (giveWay.getAsBoolean()) {
				return Optional.empty();
			}
			var started = System.nanoTime();
			var segments = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream().map(TextSegment::from).toList();
			loaded.embedAll(segments).content().forEach(e -> vectors.add(unit(e)));
			rest((long) ((System.nanoTime() - started) * pause));
		}
		return Optional.of(vectors);
	}

	private static void rest(long nanos) {
		if (nanos <= 0) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static float[] unit(Embedding embedding) {
		embedding.normalize();
		return embedding.vector();
	}

	@Override
	public void start() {
		running = true;
		if (!enabled) {
			log.info("Semantic search is off (morsel.search.semantic=false): search is lexical");
			return;
		}
		Thread.ofPlatform().name("search-model").daemon().start(this::load);
	}

	private void load() {
		rest(delay.toNanos());
		if (!running) {
			return;
		}
		var started = System.nanoTime();
		try {
			// Runs a batch's passages one after the other on the thread that asks, rather than on a pool of a thread
			// per core: indexing then takes one core at most, and the other is left to requests.
			var loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
			loaded.embed("warm up");
			model = loaded;
			log.info("Loaded the sentence embedding model {} in {} ms: semantic search follows once the index has "
					+ "vectors", MODEL, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		catch (RuntimeException | LinkageError e) {
			// ONNX Runtime ships native libraries for the common platforms only: elsewhere search stays lexical.
			log.error("Could not load the sentence embedding model; search stays lexical", e);
		}
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
