package io.morsel.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work every node does again and again, at a fixed delay, on one platform thread of its own (STACK.md, trap 14), from
 * the application's start to its stop: nodes share it through the database's row locks, without knowing of each other.
 * A failed round is logged and the next one comes as usual.
 */
abstract class RepeatingWork implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RepeatingWork.class);

	private final String thread;
	private final Duration interval;
	private final boolean enabled;
	private @Nullable ScheduledExecutorService executor;

	RepeatingWork(String thread, Duration interval, boolean enabled) {
		this.thread = thread;
		this.interval = interval;
		this.enabled = enabled;
	}

	/** One round of the work. */
	abstract void round();

	@Override
	public void start() {
		if (!enabled) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(thread).daemon().factory());
		executor.scheduleWithFixedDelay(() -> {
			try {
				round();
			}
			catch (RuntimeException e) {
				log.warn("A round of {} failed; trying again in {}", thread, interval, e);
			}
		}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		var running = executor;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}
}
