package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.PersonalData;
import io.morsel.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Morsel keeps about the signed-in person, for them to download: identity's part (account, memberships,
 * groups, tokens without their secrets) and each module's part ({@link PersonalData}), in the organisation they act
 * in. Secrets (password hash, token hashes) are never part of it.
 */
@Service
public class PersonalDataExport {

	/**
	 * The download: identity's part, and each other module's part under its name.
	 *
	 * @param organisation the slug of the organisation the person acts in, which the download is about
	 */
	public record Download(Instant exportedAt, String organisation, IdentityPart identity, Map<String, Object> modules) {
	}

	/** The account (never its password hash), memberships, the groups one is in, and tokens (never their secrets). */
	public record IdentityPart(Account account, List<MembershipEntry> memberships, List<String> groups,
			List<TokenEntry> tokens) {
	}

	public record Account(UUID id, String email, String name, String timeZone, String language) {
	}

	public record MembershipEntry(String organisation, String organisationName, Set<Role> roles) {
	}

	public record TokenEntry(String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
			Instant expiresAt, boolean readOnly) {
	}

	private final Users users;
	private final Memberships memberships;
	private final Groups groups;
	private final ApiTokens tokens;
	private final ObjectProvider<PersonalData> parts;
	private final Clock clock;

	PersonalDataExport(Users users, Memberships memberships, Groups groups, ApiTokens tokens,
			ObjectProvider<PersonalData> parts, Clock clock) {
		this.users = users;
		this.memberships = memberships;
		this.groups = groups;
		this.tokens = tokens;
		this.parts = parts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Download of(CurrentMember member) {
		var user = users.findById(member.userId()).orElseThrow();
		var identity = new IdentityPart(
				new Account(user.id().value(), user.email(), user.name(), user.timeZone(), user.language()),
				memberships.of(member.userId())
					.stream()
					.map(m -> new MembershipEntry(m.slug(), m.organisationName(), m.roles()))
					.toList(),
				groups.of(member.organisationId())
					.stream()
					.filter(g -> g.members().contains(member.memberId()))
					.map(io.morsel.identity.Group::name)
					.toList(),
				tokens.of(member)
					.stream()
					.map(t -> new TokenEntry(t.name(), t.hint(), t.createdAt(), t.lastUsedAt(), t.expiresAt(),
							t.readOnly()))
					.toList());
		var modules = new LinkedHashMap<String, Object>();
		parts.orderedStream().forEach(part -> modules.put(part.part(), part.of(member)));
		return new Download(clock.instant(), member.organisationSlug(), identity, modules);
	}

	/** The parts the download has besides identity's, in order. */
	public List<String> parts() {
		return parts.orderedStream().map(PersonalData::part).toList();
	}
}
