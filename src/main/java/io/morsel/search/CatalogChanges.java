package io.morsel.search;

import io.morsel.catalog.LessonPublished;
import io.morsel.catalog.LessonWithdrawn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appends what the catalog announces to the search change log, which every node's index follows. Safe to run twice:
 * applying an entry indexes the lesson's current published version, whichever entry asked for it.
 */
@Component
class CatalogChanges {

	private final ChangeLog changes;

	CatalogChanges(ChangeLog changes) {
		this.changes = changes;
	}

	@ApplicationModuleListener
	void on(LessonPublished published) {
		changes.lessonChanged(published.organisationId(), published.lessonId());
	}

	/** Applying the entry finds no version learners get, so the lesson leaves the index. */
	@ApplicationModuleListener
	void on(LessonWithdrawn withdrawn) {
		changes.lessonChanged(withdrawn.organisationId(), withdrawn.lessonId());
	}
}
