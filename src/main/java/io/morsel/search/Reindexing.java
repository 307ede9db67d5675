package io.morsel.search;

import io.morsel.identity.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rebuilds an organisation's part of the index on every node, from the catalog: a repair, never needed in passing. */
@Service
public class Reindexing {

	private final ChangeLog changes;

	Reindexing(ChangeLog changes) {
		this.changes = changes;
	}

	/** Every node drops what its index has of the organisation and indexes its published lessons again. */
	@Transactional
	public void rebuild(OrganisationId organisation) {
		changes.organisationToRebuild(organisation);
	}
}
