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
	 * Waits until searches rank by meaning too and every lesson has its vectors: the model has loaded, and no lesson
	 * published waits for its vectors any more (some minutes on a busy machine: the demo catalogs are embedded at half
	 * a core).
	 */
	static void awaitMeaning(Search search, SearchIndex index) {
		var until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (!search.semantic() || index.countAwaitingVectors() > 0) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Search still does not rank by meaning after four minutes");
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
