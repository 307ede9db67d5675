package io.morsel.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every cache a node keeps, made in one place. Each has a name, and its bounds are one property,
 * {@code morsel.caches.<name>}, in Caffeine's spec syntax ({@code maximumSize=5000,expireAfterWrite=60s}, or
 * {@code maximumWeight=33554432} for a cache whose entries differ much in size and are weighed in bytes); all of them
 * are listed together in application.properties, so an operator sees and tunes every cache there. Each records its
 * hits, misses and evictions as Micrometer metrics ({@code cache.gets}, {@code cache.evictions}, {@code cache.size},
 * tagged {@code cache=<name>}) on /actuator/prometheus.
 *
 * <p>Caches hold what one node may keep to itself: data that never changes once written (published versions), or
 * that another node picks up within a stated interval (sessions, tokens). Nothing that must be shared lives only in
 * one.
 */
@Component
public class Caches {

	private static final String PREFIX = "morsel.caches.";

	private final Environment environment;
	private final MeterRegistry meters;

	Caches(Environment environment, MeterRegistry meters) {
		this.environment = environment;
		this.meters = meters;
	}

	/** The cache of this name, bounded as its property says. */
	public <K, V> Cache<K, V> named(String name) {
		return monitored(name, Caffeine.from(spec(name)).recordStats().build());
	}

	/**
	 * The cache of this name, its entries expiring this long after they are written: for an expiry that follows from
	 * another setting (its property then sets only the size).
	 */
	public <K, V> Cache<K, V> named(String name, Duration expireAfterWrite) {
		return monitored(name, Caffeine.from(spec(name)).expireAfterWrite(expireAfterWrite).recordStats().build());
	}

	/**
	 * The cache of this name, weighing its entries: its property bounds their total weight ({@code maximumWeight},
	 * in the unit the weigher counts, bytes for every cache so far), never their number.
	 */
	public <K, V> Cache<K, V> named(String name, Weigher<? super K, ? super V> weigher) {
		var spec = spec(name);
		if (!spec.contains("maximumWeight=")) {
			throw new IllegalStateException("The cache '" + name + "' weighs its entries: bound it with "
					+ "maximumWeight=<bytes> in " + PREFIX + name + " (it says " + spec + ")");
		}
		return monitored(name, Caffeine.from(spec).weigher(weigher).recordStats().build());
	}

	private String spec(String name) {
		var spec = environment.getProperty(PREFIX + name);
		if (spec == null || spec.isBlank()) {
			throw new IllegalStateException("No bounds for the cache '" + name + "': set " + PREFIX + name
					+ " (a Caffeine spec such as maximumSize=1000) in application.properties");
		}
		return spec;
	}

	private <K, V> Cache<K, V> monitored(String name, Cache<K, V> cache) {
		CaffeineCacheMetrics.monitor(meters, cache, name, List.of());
		return cache;
	}
}
