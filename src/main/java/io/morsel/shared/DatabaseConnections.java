package io.morsel.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How a node behaves while the database is away (docs/operations.md): a request waits at most
 * {@code morsel.database.wait} for a connection (the pool's connection timeout) and is then answered 503; the
 * readiness group's {@code db} check answers DOWN within {@code morsel.database.readiness-wait}, so a load balancer
 * stops routing to the node without its probe timing out first.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConnections {

	/** The pool's timeouts follow {@code morsel.database.wait}; the pool starts on its first use, after this. */
	@Bean
	static BeanPostProcessor databaseWait(Environment environment) {
		var wait = environment.getRequiredProperty("morsel.database.wait", Duration.class);
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof HikariDataSource pool) {
					pool.setConnectionTimeout(wait.toMillis());
					// Checking a pooled connection is alive must leave time to open another within the wait.
					pool.setValidationTimeout(Math.max(250, Math.min(5000, wait.toMillis() / 2)));
				}
				return bean;
			}
		};
	}

	/** Replaces Spring Boot's {@code db} check, which would wait the whole connection timeout for its answer. */
	@Bean
	HealthIndicator dbHealthIndicator(DataSource dataSource, Environment environment) {
		return new TimeLimitedCheck(new DataSourceHealthIndicator(dataSource),
				environment.getRequiredProperty("morsel.database.readiness-wait", Duration.class));
	}

	/**
	 * A health check answered DOWN when it has not finished within the limit. One check runs at a time: while one is
	 * still waiting for a connection, later probes wait for the same one, so probes never pile up on the pool.
	 */
	static final class TimeLimitedCheck implements HealthIndicator {

		private final HealthIndicator check;
		private final Duration limit;
		private final AtomicReference<CompletableFuture<Health>> running = new AtomicReference<>(
				CompletableFuture.completedFuture(Health.unknown().build()));

		TimeLimitedCheck(HealthIndicator check, Duration limit) {
			this.check = check;
			this.limit = limit;
		}

		@Override
		public Health health() {
			var current = running.get();
			if (current.isDone()) {
				var next = new CompletableFuture<Health>();
				if (running.compareAndSet(current, next)) {
					Thread.ofVirtual().name("db-health").start(() -> {
						try {
							next.complete(check.health());
						}
						catch (RuntimeException failed) {
							next.completeExceptionally(failed);
						}
					});
					current = next;
				}
				else {
					current = running.get();
				}
			}
			try {
				return current.get(limit.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException e) {
				return Health.down().withDetail("error", "No answer from the database within " + limit).build();
			}
			catch (ExecutionException e) {
				return Health.down(e.getCause()).build();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Health.down(e).build();
			}
		}
	}
}
