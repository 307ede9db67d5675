package io.morsel.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings for semantic search: the quantized all-MiniLM-L6-v2 model, which ships inside its Maven package
 * and runs in process on ONNX Runtime (384 dimensions; nothing is downloaded). It loads on a thread of its own once the
 * node has started, so start time does not grow; until then, and for good when {@code morsel.search.semantic=false},
 * {@link #ready()} is false and search is lexical alone. Off, the model is never loaded and costs no memory.
 *
 * <p>Vectors are normalised to unit length, so Lucene compares them by dot product (the cosine).
 */
@Component
class Embeddings implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

	/** What the vectors in an index were made with: an index built by another model must be built again. */
	static final String MODEL = "all-minilm-l6-v2-q";

	static final int DIMENSIONS = 384;

	private final boolean enabled;

	private volatile @Nullable EmbeddingModel model;
	private volatile boolean running;

	Embeddings(@Value("${morsel.search.semantic}") boolean enabled) {
		this.enabled = enabled;
	}

	boolean enabled() {
		return enabled;
	}

	/** Whether texts can be embedded now: semantic search is on and the model has loaded. */
	boolean ready() {
		return model != null;
	}

	/** The text's vector; empty until the model is ready. */
	Optional<float[]> embed(String text) {
		var loaded = model;
		if (loaded == null) {
			return Optional.empty();
		}
		return Optional.of(unit(loaded.embed(text).content()));
	}

	/** The texts' vectors, in order; empty until the model is ready. */
	Optional<List<float[]>> embedAll(List<String> texts) {
		var loaded = model;
		if (loaded == null) {
			return Optional.empty();
		}
		if (texts.isEmpty()) {
			return Optional.of(List.of());
		}
		var segments = texts.stream().map(TextSegment::from).toList();
		return Optional.of(loaded.embedAll(segments).content().stream().map(Embeddings::unit).toList());
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
		var started = System.nanoTime();
		try {
			var loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
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
