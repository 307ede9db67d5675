package io.morsel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

@MorselIntegrationTest
class CachesTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Environment environment;

	@Test
	void everyCacheReportsItsHitsAndMissesToTheOperator() throws IOException {
		var api = Api.on(port);
		var learner = api.token("learner@acme.test", "acme");
		var lessons = json.readTree(api.get(learner, "/api/v1/lessons").getBody());
		var lesson = "/api/v1/lessons/" + lessons.get(0).get("id").asString();
		assertThat(api.get(learner, lesson).getStatusCode().value()).isEqualTo(200);
		assertThat(api.get(learner, lesson).getStatusCode().value()).isEqualTo(200);

		var metrics = api.get(api.token("admin@acme.test", "acme"), "/actuator/prometheus").getBody();
		var caches = cacheNames();
		assertThat(caches).contains("published-lesson-versions", "kept-fragments", "verified-session-cookies");
		for (var cache : caches) {
			assertThat(metrics).as(cache).contains("cache_gets_total{cache=\"" + cache + "\"");
		}
		var hits = Pattern.compile("cache_gets_total\\{cache=\"published-lesson-versions\",.*result=\"hit\".*} (\\S+)")
			.matcher(metrics);
		assertThat(hits.find()).as(metrics).isTrue();
		assertThat(Double.parseDouble(hits.group(1))).isPositive();
	}

	/** Every cache application.properties bounds ({@code morsel.caches.<name>}). */
	private static List<String> cacheNames() throws IOException {
		var properties = new Properties();
		try (var in = CachesTests.class.getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		return properties.stringPropertyNames()
			.stream()
			.filter(name -> name.startsWith("morsel.caches."))
			.map(name -> name.substring("morsel.caches.".length()))
			.sorted()
			.toList();
	}

	@Test
	void aCacheWithoutBoundsStopsTheNodeWithAMessageNamingItsProperty() {
		var caches = new Caches(environment, new SimpleMeterRegistry());
		assertThatIllegalStateException()
			.isThrownBy(() -> caches.named("no-such-cache"))
			.withMessageContaining("morsel.caches.no-such-cache");
	}

	@Test
	void aWeighedCacheBoundedByCountStopsTheNodeWithAMessageNamingItsProperty() {
		var counted = new MockEnvironment().withProperty("morsel.caches.weighed", "maximumSize=5000");
		var caches = new Caches(counted, new SimpleMeterRegistry());
		assertThatIllegalStateException()
			.isThrownBy(() -> caches.named("weighed", (String key, String value) -> value.length()))
			.withMessageContaining("maximumWeight")
			.withMessageContaining("morsel.caches.weighed");
	}

	@Test
	void aWeighedCacheKeepsEntriesUpToTheirTotalWeight() {
		var weighed = new MockEnvironment().withProperty("morsel.caches.weighed", "maximumWeight=1000");
		var cache = new Caches(weighed, new SimpleMeterRegistry()).<Integer, String>named("weighed",
				(key, value) -> value.length());
		for (var i = 0; i < 100; i++) {
			cache.put(i, "x".repeat(100));
		}
		cache.cleanUp();
		assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10);
	}
}
