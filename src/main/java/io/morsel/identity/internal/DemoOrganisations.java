package io.morsel.identity.internal;

import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the two demo organisations and their accounts (README lists them) on the embedded default. Runs once:
 * it does nothing when {@code acme} already exists. The production profile turns it off and refuses to start while
 * demo accounts exist ({@link DemoAccountsGuard}).
 */
class DemoOrganisations implements SmartInitializingSingleton {

	static final String PASSWORD = "morsel-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

	private record Person(String email, String name, Set<Role> roles) {
	}

	/** @param team the group of the organisation's learners, which its managers manage */
	private record Demo(String slug, String name, String zone, String team, List<Person> people) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo("acme", "Acme Analytics", "Europe/London", "Customer success", List.of(
					new Person("learner@acme.test", "Ada Lindqvist", EnumSet.of(Role.LEARNER)),
					new Person("author@acme.test", "Ben Okafor", EnumSet.of(Role.AUTHOR)),
					new Person("manager@acme.test", "Chloé Martin", EnumSet.of(Role.MANAGER)),
					new Person("admin@acme.test", "Dev Patel", EnumSet.of(Role.ADMIN)),
					new Person("consultant@morsel.test", "Iris Kowalski", EnumSet.of(Role.LEARNER)))),
			new Demo("globex", "Globex Partners", "America/New_York", "Partner onboarding", List.of(
					new Person("learner@globex.test", "Eli Novak", EnumSet.of(Role.LEARNER)),
					new Person("author@globex.test", "Fatima Haddad", EnumSet.of(Role.AUTHOR)),
					new Person("manager@globex.test", "Gus Moreau", EnumSet.of(Role.MANAGER)),
					new Person("admin@globex.test", "Hana Sato", EnumSet.of(Role.ADMIN)),
					new Person("consultant@morsel.test", "Iris Kowalski", EnumSet.of(Role.AUTHOR)))));

	private final Organisations organisations;
	private final Users users;
	private final Memberships memberships;
	private final Groups groups;
	private final PasswordEncoder passwords;
	private final TransactionTemplate transaction;
	private final Clock clock;

	DemoOrganisations(Organisations organisations, Users users, Memberships memberships, Groups groups,
			PasswordEncoder passwords, TransactionTemplate transaction, Clock clock) {
		this.groups = groups;
		this.organisations = organisations;
		this.users = users;
		this.memberships = memberships;
		this.passwords = passwords;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (organisations.findBySlug("acme").isPresent()) {
			return;
		}
		var hash = passwords.encode(PASSWORD);
		var now = clock.instant();
		transaction.executeWithoutResult(status -> {
			for (var demo : DEMOS) {
				var organisation = organisations.create(demo.slug(), demo.name(), now);
				var learners = new HashSet<MemberId>();
				var managers = new HashSet<MemberId>();
				for (var person : demo.people()) {
					var user = users.findByEmail(person.email())
						.orElseGet(() -> users.create(person.email(), person.name(), hash, demo.zone(), "en", true, now));
					var member = memberships.join(organisation.id(), user.id(), person.roles(), now);
					if (person.roles().contains(Role.LEARNER)) {
						learners.add(member);
					}
					if (person.roles().contains(Role.MANAGER)) {
						managers.add(member);
					}
				}
				// The demo manager looks after the organisation's learners, as a team lead would: they see them on Team.
				var team = groups.create(organisation.id(), demo.team());
				groups.setMembers(organisation.id(), team.id(), learners);
				groups.setManagers(organisation.id(), team.id(), managers);
			}
		});
		log.info("Seeded the demo organisations acme and globex; every demo account's password is '{}'", PASSWORD);
	}
}
