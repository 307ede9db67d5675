package io.morsel.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.Caches;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each organisation's program outlines as learners see them, kept on this node for a few seconds
 * ({@code morsel.caches.program-outlines}, ADR 0017): every learner's Today and progress read them, and they change
 * only when an author changes a program or publishes a lesson. A change on this node forgets its organisation's
 * outlines once it commits; another node's change shows here when the kept outlines expire.
 */
@Component
class ProgramOutlines {

	private final Cache<OrganisationId, List<ProgramOutline>> kept;

	ProgramOutlines(Caches caches) {
		this.kept = caches.named("program-outlines");
	}

	List<ProgramOutline> of(OrganisationId organisation, Function<OrganisationId, List<ProgramOutline>> load) {
		return kept.get(organisation, load);
	}

	/**
	 * Forgets the organisation's outlines once the caller's transaction commits (at once without one): forgotten
	 * earlier, a learner's request could keep them again from what the database held before the commit.
	 */
	void changed(OrganisationId organisation) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			kept.invalidate(organisation);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				kept.invalidate(organisation);
			}
		});
	}
}
