package io.morsel.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.Caches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an organisation has ever received a trigger: one that has not can have no triggered lesson, so its learners'
 * Today does not look for one (a query on every Today otherwise). Kept a few seconds on each node
 * ({@code morsel.caches.triggered-organisations}), as organisations' programs are (ADR 0017): the node that receives an
 * organisation's first trigger knows at once, the others within that expiry (ADR 0044).
 */
@Component
class TriggeredOrganisations {

	private final JdbcClient jdbc;
	private final Cache<OrganisationId, Boolean> received;

	TriggeredOrganisations(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.received = caches.named("triggered-organisations");
	}

	/** Whether the organisation may have triggered lessons: it has received a trigger. */
	boolean mayHaveTriggeredLessons(OrganisationId organisation) {
		return received.get(organisation, this::anyTrigger);
	}

	/** Called as a trigger of the organisation is received, before its deliveries are planned. */
	void received(OrganisationId organisation) {
		received.put(organisation, Boolean.TRUE);
	}

	/** One index read: triggers are unique per organisation and idempotency key. */
	private boolean anyTrigger(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT id
				FROM triggers
				WHERE organisation_id = :organisation
				LIMIT 1
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> rs.getObject(1))
			.optional()
			.isPresent();
	}
}
