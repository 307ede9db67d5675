package io.morsel.search;

import io.morsel.support.Eventually;

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
}
