package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.NotFoundException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request: an admin erases a person, whose name and email become a pseudonym wherever Morsel shows them,
 * and whose other identifying data goes. What they learnt stays, for reports, under the pseudonym: learning records
 * name people by their user id only, so they need no change. docs/operations.md ("Erasing a person") lists the steps
 * and what is kept.
 *
 * <p>An account is global: a person who also belongs to another organisation is not erased by one organisation's
 * admin (they remove them from their organisation instead).
 */
@Service
public class Erasure {

	private static final String ERASED_DOMAIN = "@erased.invalid";

	private final JdbcClient jdbc;
	private final Memberships memberships;
	private final WebSessions sessions;
	private final AccessRevocations revocations;
	private final Clock clock;

	Erasure(JdbcClient jdbc, Memberships memberships, WebSessions sessions, AccessRevocations revocations,
			Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.sessions = sessions;
		this.revocations = revocations;
	}

	/** The pseudonym the person is known by from now on, in reports and lists. */
	public record Erased(String name, String email) {
	}

	@Transactional
	public Erased erase(CurrentMember admin, MemberId member) {
		var person = memberships.person(admin.organisationId(), member)
			.orElseThrow(() -> new NotFoundException("not-found.person"));
		if (member.equals(admin.memberId())) {
			throw new ConflictException("identity.refused.you-cannot-erase-yourself-ask-another");
		}
		if (belongsElsewhere(person.userId().value(), admin)) {
			throw new ConflictException("identity.refused.person-also-belongs-another-organisation-remove");
		}
		if (person.email().endsWith(ERASED_DOMAIN)) {
			return new Erased(person.name(), person.email());
		}
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var erased = new Erased("Erased person " + tag, "erased-" + tag + ERASED_DOMAIN);
		var user = person.userId().value();
		var email = person.email();
		// Events already delivered, or waiting, that carry the address (a password reset's mail, say).
		jdbc.sql("DELETE FROM event_publication WHERE POSITION(:email IN serialized_event) > 0")
			.param("email", email)
			.update();
		jdbc.sql("DELETE FROM invitations WHERE email = :email").param("email", email).update();
		jdbc.sql("DELETE FROM sign_in_failures WHERE account = :email").param("email", email).update();
		jdbc.sql("DELETE FROM password_resets WHERE user_id = :user").param("user", user).update();
		jdbc.sql("DELETE FROM api_tokens WHERE user_id = :user").param("user", user).update();
		jdbc.sql("DELETE FROM member_group_members WHERE membership_id = :member").param("member", member.value())
			.update();
		jdbc.sql("DELETE FROM member_group_managers WHERE membership_id = :member").param("member", member.value())
			.update();
		jdbc.sql("""
				UPDATE users
				SET name = :name, email = :email, password_hash = NULL, time_zone = 'UTC', language = 'en'
				WHERE id = :user
				""")
			.param("name", erased.name())
			.param("email", erased.email())
			.param("user", user)
			.update();
		sessions.endAllIn(person.userId(), admin.organisationId());
		if (person.active()) {
			memberships.setDeactivated(admin.organisationId(), member, clock.instant());
		}
		revocations.record(person.userId(), admin.organisationId());
		return erased;
	}

	/** Whether the person has a membership, active or not, in another organisation. */
	private boolean belongsElsewhere(UUID user, CurrentMember admin) {
		return jdbc.sql("""
				SELECT COUNT(*)
				FROM memberships
				WHERE user_id = :user
				  AND organisation_id <> :organisation
				""")
			.param("user", user)
			.param("organisation", admin.organisationId().value())
			.query(Long.class)
			.single() > 0;
	}
}
