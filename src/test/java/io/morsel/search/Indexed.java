package io.morsel.search;

import io.morsel.support.Eventually;
import java.time.Duration;

/** Waits until this node's index has applied every entry of the change log, the demo catalogs' included. */
final class Indexed {

	private Indexed() {
	}

	static void await(ChangeLog changes, ChangeFollower follower) {
		// Two demo organisations of 24 published lessons each: 48 entries at least, once their listeners ran.
		Eventually.await(() -> {
			var last = changes.last();
			return last >= 48 && follower.appliedChange() >= last;
		});
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
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
