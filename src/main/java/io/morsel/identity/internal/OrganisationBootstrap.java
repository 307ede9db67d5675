package io.morsel.identity.internal;

import io.morsel.identity.Role;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;

/**
 * Creates the first organisation of a fresh installation and invites its first admin by email, from
 * {@code MORSEL_BOOTSTRAP_ORGANISATION_SLUG}, {@code MORSEL_BOOTSTRAP_ORGANISATION_NAME} and
 * {@code MORSEL_BOOTSTRAP_ADMIN_EMAIL}. Does nothing once the organisation exists, so the settings may stay.
 */
class OrganisationBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OrganisationBootstrap.class);

	private final Organisations organisations;
	private final Invitations invitations;
	private final Memberships memberships;
	private final Clock clock;
	private final String slug;
	private final String name;
	private final String adminEmail;
	private final String baseUrl;

	OrganisationBootstrap(Organisations organisations, Invitations invitations, Memberships memberships, Clock clock,
			@Value("${morsel.bootstrap.organisation-slug}") String slug,
			@Value("${morsel.bootstrap.organisation-name}") String name,
			@Value("${morsel.bootstrap.admin-email}") String adminEmail, @Value("${morsel.base-url}") String baseUrl) {
		if (!slug.matches("[a-z0-9][a-z0-9-]{0,39}")) {
			throw new IllegalArgumentException("morsel.bootstrap.organisation-slug must be lower-case letters, digits "
					+ "and dashes (at most 40), not '" + slug + "'");
		}
		this.organisations = organisations;
		this.invitations = invitations;
		this.memberships = memberships;
		this.clock = clock;
		this.slug = slug;
		this.name = name;
		this.adminEmail = adminEmail;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Invites again while the organisation has neither an admin nor an open invitation (the mail may have failed),
	 * so restarting with the same settings repairs a failed bootstrap. Nodes starting together may race to create the
	 * organisation; the unique slug lets one win.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		Organisations.Organisation organisation;
		try {
			organisation = organisations.findBySlug(slug).orElseGet(() -> organisations.create(slug, name, clock.instant()));
		}
		catch (DuplicateKeyException raced) {
			return;
		}
		if (memberships.countWithRole(organisation.id(), Role.ADMIN) > 0
				|| !invitations.pending(organisation.id()).isEmpty()) {
			return;
		}
		invitations.inviteFirstAdmin(organisation, adminEmail, baseUrl + "/invitations/");
		log.info("Invited {} as the first admin of organisation '{}'", adminEmail, slug);
	}
}
