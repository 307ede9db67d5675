package io.morsel.search;

import java.time.Duration;

/** Waits until this node's index has applied every entry of the change log, the demo catalogs' included. */
final class Indexed {

	private Indexed() {
	}

	static void await(ChangeLog changes, ChangeFollower follower) {
		// Acme's 24 published demo lessons and Globex's 14: 38 entries at least, once their listeners ran. The demo
		// lessons hold several hundred words each, embedded passage by passage: the first build takes longer than the
		// 20 seconds of Eventually on a busy machine, so wait up to two minutes.
		var until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			var last = changes.last();
			if (last >= 38 && follower.appliedChange() >= last) {
				return;
			}
			if (System.nanoTime() > until) {
				throw new AssertionError("The search index has not applied the demo catalogs after two minutes");
			}
			pause();
		}
	}

	/**
	 * Waits until searches rank by meaning too: the model has loaded and every passage has its vector (a minute at
	 * most, on a busy machine).
	 */
	static void awaitMeaning(Search search) {
		var until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!search.semantic()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Search still does not rank by meaning after two minutes");
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
