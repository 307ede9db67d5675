package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin takes a member's access away, for a while (deactivation, undone by reactivation) or for good (removal from
 * the organisation). Either way the member's sessions there end and their tokens stop working, on this node at once
 * and on every other within a quarter of a second ({@link AccessRevocations}); what they learnt stays, for reports,
 * since learning records name the member, not the membership row.
 */
@Service
public class Offboarding {

	private final Memberships memberships;
	private final WebSessions sessions;
	private final ApiTokens tokens;
	private final AccessRevocations revocations;
	private final Clock clock;

	Offboarding(Memberships memberships, WebSessions sessions, ApiTokens tokens, AccessRevocations revocations,
			Clock clock) {
		this.memberships = memberships;
		this.sessions = sessions;
		this.tokens = tokens;
		this.revocations = revocations;
		this.clock = clock;
	}

	/** The member can no longer sign in to the organisation, nor act in it with a session or token they hold. */
	@Transactional
	public void deactivate(CurrentMember admin, MemberId member) {
		var person = otherMember(admin, member);
		if (!person.active()) {
			return;
		}
		memberships.setDeactivated(admin.organisationId(), member, clock.instant());
		sessions.endAllIn(person.userId(), admin.organisationId());
		revocations.record(person.userId(), admin.organisationId());
	}

	/** The member may sign in again; their tokens work again, their ended sessions stay ended. */
	@Transactional
	public void reactivate(CurrentMember admin, MemberId member) {
		otherMember(admin, member);
		memberships.setDeactivated(admin.organisationId(), member, null);
	}

	/** The member leaves the organisation: their roles, groups and tokens there go; their account stays. */
	@Transactional
	public void remove(CurrentMember admin, MemberId member) {
		var person = otherMember(admin, member);
		memberships.remove(admin.organisationId(), member);
		sessions.endAllIn(person.userId(), admin.organisationId());
		tokens.revokeAll(person.userId(), admin.organisationId());
		revocations.record(person.userId(), admin.organisationId());
	}

	/** A member of the admin's organisation other than the admin: an admin cannot lock themselves out. */
	private Memberships.Person otherMember(CurrentMember admin, MemberId member) {
		var person = memberships.person(admin.organisationId(), member)
			.orElseThrow(() -> new NotFoundException("not-found.person"));
		if (member.equals(admin.memberId())) {
			throw new ConflictException("identity.refused.you-cannot-take-away-your-own");
		}
		return person;
	}
}
