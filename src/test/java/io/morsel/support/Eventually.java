package io.morsel.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what event listeners leave behind: they run after the commit, on another thread. */
public final class Eventually {

	private Eventually() {
	}

	/** Waits up to 20 seconds for the condition to hold. */
	public static void await(BooleanSupplier done) {
		var until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Still not so after 20 seconds");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
