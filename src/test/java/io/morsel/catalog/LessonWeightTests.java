package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published-lesson-versions cache is bounded in bytes: what a cached version is estimated to hold is at least what
 * it holds on the heap, as JOL measures it, so a full cache holds no more than its bound.
 */
class LessonWeightTests {

	static {
		// JOL reads records' field offsets this way on JDK 25 (Unsafe refuses them for records).
		System.setProperty("jol.magicFieldOffset", "true");
	}

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aVersionWeighsAtLeastWhatItHoldsOnTheHeapAndNotThreeTimesMore() {
		for (var lesson : shapes().entrySet()) {
			var cached = cached(lesson.getValue());
			var held = GraphLayout.parseInstance(cached.version()).totalSize();
			assertThat((long) cached.bytes()).as(lesson.getKey()).isGreaterThanOrEqualTo(held);
			assertThat((long) cached.bytes()).as(lesson.getKey()).isLessThan(3 * held);
		}
	}

	@Test
	void aCacheOfLargeLessonsHoldsNoMoreThanItsBound() {
		var bound = 4 * 1024 * 1024;
		var cache = Caffeine.newBuilder()
			.maximumWeight(bound)
			.weigher(Lessons.CachedVersion.WEIGHER)
			.executor(Runnable::run)
			.<Integer, Lessons.CachedVersion>build();
		var large = questions("Question ", "Right", "Wrong", "Because.", "Not so.", 39);
		for (var i = 0; i < 500; i++) {
			cache.put(i, cached(large));
		}
		cache.cleanUp();

		var versions = cache.asMap().values().stream().map(Lessons.CachedVersion::version).toArray();
		assertThat(GraphLayout.parseInstance(versions).totalSize()).isLessThanOrEqualTo(bound);
		// Bounded by count as before, all 500 would be kept: about 10 MB.
		assertThat(cache.estimatedSize()).isBetween(100L, 200L);
	}

	private Lessons.CachedVersion cached(String content) {
		var version = new LessonVersion(LessonId.random(), 1, new OrganisationId(UUID.randomUUID()),
				json.readValue(content, LessonContent.class), Instant.now(), Instant.now(), 0);
		return Lessons.CachedVersion.of(version, content);
	}

	/** Lessons of every kind of text: the demo catalog's, every block type, short and long, Latin and not. */
	private Map<String, String> shapes() {
		var shapes = new TreeMap<String, String>();
		for (var name : List.of("objectives-02-conditions-criteria", "onboarding-01-find-your-way",
				"onboarding-03-first-report", "partners-06-pricing")) {
			shapes.put(name, resource("/demo/lessons/" + name + ".json"));
		}
		shapes.put("every block", resource("/catalog/every-block.json"));
		shapes.put("39 short questions", questions("Question ", "Right", "Wrong", "Because.", "Not so.", 39));
		shapes.put("39 shortest questions", questions("Q", "R", "W", "", "", 39));
		shapes.put("39 short Greek questions", questions("Ερώτηση ", "Σωστό", "Λάθος", "Επειδή.", "Όχι έτσι.", 39));
		shapes.put("39 shortest Greek questions", questions("Ε", "Σ", "Λ", "Ό", "Ό", 39));
		shapes.put("40 long texts", texts("x".repeat(19_000), 40));
		shapes.put("40 long Greek texts", texts("λ".repeat(19_000), 40));
		return shapes;
	}

	private static String questions(String prompt, String right, String wrong, String because, String notSo, int n) {
		var blocks = new ArrayList<String>();
		blocks.add("{\"type\":\"text\",\"markdown\":\"Go.\"}");
		for (var i = 1; i <= n; i++) {
			blocks.add("""
					{"type":"interaction","interaction":{"type":"single-choice","id":"q%d","prompt":"%s%d","options":[\
					{"id":"a","text":"%s","correct":true,"feedback":"%s"},\
					{"id":"b","text":"%s","correct":false,"feedback":"%s"}],"assessesObjective":true,"explanation":null}}\
					""".formatted(i, prompt, i, right, because, wrong, notSo).strip());
		}
		return lesson(blocks);
	}

	private static String texts(String markdown, int n) {
		return lesson(Collections.nCopies(n, "{\"type\":\"text\",\"markdown\":\"" + markdown + "\"}"));
	}

	private static String lesson(List<String> blocks) {
		return """
				{"title":"Benchmark","objective":"Answer quickly.","estimatedMinutes":5,"skills":[],"blocks":[%s]}\
				""".formatted(String.join(",", blocks)).strip();
	}

	private static String resource(String path) {
		try (var in = LessonWeightTests.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
