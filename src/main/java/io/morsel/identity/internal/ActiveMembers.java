package io.morsel.identity.internal;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The members that signed-in requests act as, kept on each node for at most the recheck interval
 * ({@code morsel.sessions.recheck}): a change made on another node (roles, name, a removed membership) is seen
 * within that interval, one made on this node at once.
 */
@Component
public class ActiveMembers {

	private record Key(UserId user, OrganisationId organisation) {
	}

	private final Accounts accounts;
	private final Cache<Key, Optional<CurrentMember>> members;

	ActiveMembers(Accounts accounts, Caches caches) {
		this.accounts = accounts;
		this.members = caches.named("active-members");
	}

	public Optional<CurrentMember> find(UserId user, OrganisationId organisation) {
		return members.get(new Key(user, organisation), key -> accounts.memberOf(key.user(), key.organisation()));
	}

	/** The member as it is now, after a change made on this node. */
	public void put(CurrentMember member) {
		members.put(new Key(member.userId(), member.organisationId()), Optional.of(member));
	}

	/** Forgets the person in this organisation (deactivated, removed), so this node reads them afresh. */
	public void forget(UserId user, OrganisationId organisation) {
		members.invalidate(new Key(user, organisation));
	}

	/** Forgets a member whose roles changed, so this node's next request of theirs reads them afresh. */
	public void forget(MemberId member) {
		members.asMap().values().removeIf(cached -> cached.filter(m -> m.memberId().equals(member)).isPresent());
	}
}
