package io.morsel.identity;

import io.morsel.identity.internal.Accounts;
import io.morsel.identity.internal.Organisations;
import io.morsel.shared.Page;
import io.morsel.shared.PageRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up organisations and members for other modules, for work that runs outside a request (seeding, jobs). */
@Service
public class Directory {

	private final Organisations organisations;
	private final Accounts accounts;
	private final io.morsel.identity.internal.Users users;
	private final io.morsel.identity.internal.Memberships memberships;
	private final io.morsel.identity.internal.Groups groups;
	private final io.morsel.identity.internal.PeopleInSight sight;
	private final io.morsel.identity.internal.Partnerships partnerships;

	/** Whether each organisation opened its directory's names, for links: kept a few seconds on each node. */
	private final com.github.benmanes.caffeine.cache.Cache<OrganisationId, Boolean> namesOpen;

	Directory(Organisations organisations, Accounts accounts, io.morsel.identity.internal.Users users,
			io.morsel.identity.internal.Memberships memberships, io.morsel.identity.internal.Groups groups,
			io.morsel.identity.internal.PeopleInSight sight, io.morsel.identity.internal.Partnerships partnerships,
			io.morsel.shared.Caches caches) {
		this.partnerships = partnerships;
		this.namesOpen = caches.named("directory-names-open");
		this.sight = sight;
		this.memberships = memberships;
		this.groups = groups;
		this.organisations = organisations;
		this.accounts = accounts;
		this.users = users;
	}

	@Transactional(readOnly = true)
	public Optional<OrganisationId> organisation(String slug) {
		return organisations.findBySlug(slug).map(Organisations.Organisation::id);
	}

	/** The organisation's public name and slug. */
	@Transactional(readOnly = true)
	public Optional<OrganisationProfile> profile(OrganisationId organisation) {
		return organisations.findById(organisation).map(o -> new OrganisationProfile(o.id(), o.slug(), o.name()));
	}

	/** The organisation with this slug, by its public name. */
	@Transactional(readOnly = true)
	public Optional<OrganisationProfile> profile(String slug) {
		return organisations.findBySlug(slug).map(o -> new OrganisationProfile(o.id(), o.slug(), o.name()));
	}

	/** Everyone in the organisation, by name. */
	@Transactional(readOnly = true)
	public java.util.List<Member> people(OrganisationId organisation) {
		return memberships.people(organisation).stream().map(Directory::member).toList();
	}

	/** Everyone in the organisation who matches the search, by name. */
	@Transactional(readOnly = true)
	public java.util.List<Member> people(OrganisationId organisation, PeopleSearch search) {
		if (search.everyone()) {
			return people(organisation);
		}
		var ids = new java.util.HashSet<>(memberships.ids(organisation, search, null));
		return people(organisation).stream().filter(p -> ids.contains(p.id())).toList();
	}

	/**
	 * A page of the people the viewer looks after ({@link #looksAfter}) who match the search, by name: everyone of
	 * the organisation for an admin, a manager's people for a manager, nobody for anyone else.
	 */
	@Transactional(readOnly = true)
	public Page<Member> inCare(CurrentMember viewer, PeopleSearch search, PageRequest page) {
		return Page.within(page, p -> memberships.people(viewer.organisationId(), search, cared(viewer), p))
			.map(Directory::member);
	}

	/** Every one of the people the viewer looks after who matches the search, by name: for "all N matching". */
	@Transactional(readOnly = true)
	public java.util.List<MemberId> allInCare(CurrentMember viewer, PeopleSearch search) {
		return memberships.ids(viewer.organisationId(), search, cared(viewer));
	}

	/** Whom a search of the viewer's people may find: no limit for an admin, the people they manage otherwise. */
	private java.util.@org.jspecify.annotations.Nullable Set<MemberId> cared(CurrentMember viewer) {
		if (viewer.has(Role.ADMIN)) {
			return null;
		}
		return viewer.has(Role.MANAGER) ? sight.managedBy(viewer) : java.util.Set.of();
	}

	private static Member member(io.morsel.identity.internal.Memberships.Person p) {
		return new Member(p.id(), p.userId(), p.name(), p.email(), p.roles());
	}

	/** The organisation's groups, each with its members. */
	@Transactional(readOnly = true)
	public java.util.List<Group> groups(OrganisationId organisation) {
		return groups.of(organisation);
	}

	/**
	 * The members a manager sees and looks after: those of the groups they manage, and themselves. Admins manage
	 * everyone; ask {@link CurrentMember#has} first.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<MemberId> managedBy(CurrentMember manager) {
		return sight.managedBy(manager);
	}

	/**
	 * Whom this member looks after: everyone of the organisation for an admin; for a manager those of the groups they
	 * manage and themselves ({@link #managedBy}); nobody else for anyone else. One read, made now.
	 */
	@Transactional(readOnly = true)
	public java.util.function.Predicate<MemberId> looksAfter(CurrentMember member) {
		if (member.has(Role.ADMIN)) {
			return id -> true;
		}
		if (!member.has(Role.MANAGER)) {
			return id -> false;
		}
		var managed = sight.managedBy(member);
		return managed::contains;
	}

	/**
	 * How much of the organisation's programs the member who is this user may see: all for the organisation's own
	 * people, only those assigned (or open) to them for a partner. Read now, on every call: it decides access. One query.
	 */
	public ProgramReach reach(OrganisationId organisation, UserId user) {
		return partnerships.reach(organisation, user);
	}

	/**
	 * Whether the organisation opened its directory's names to every member. Kept for a few seconds on each node
	 * ({@code morsel.caches.directory-names-open}): for showing a link, never for deciding access, which
	 * {@code /people} and the API check on every request.
	 */
	public boolean namesOpen(OrganisationId organisation) {
		return namesOpen.get(organisation, organisations::directoryNamesOpen);
	}

	/**
	 * The active member of the organisation named by their email, user id or member id, as someone to send to;
	 * empty for anyone unknown, deactivated or of another organisation.
	 */
	@Transactional(readOnly = true)
	public Optional<Recipient> recipient(OrganisationId organisation, String emailOrId) {
		UUID id;
		try {
			id = UUID.fromString(emailOrId);
		}
		catch (IllegalArgumentException notAnId) {
			return memberships.recipient(organisation, emailOrId, null);
		}
		return memberships.recipient(organisation, null, id);
	}

	/** The active member of the organisation who is this user, as someone to send to. */
	@Transactional(readOnly = true)
	public Optional<Recipient> recipient(OrganisationId organisation, UserId user) {
		return memberships.recipient(organisation, null, user.value());
	}

	/**
	 * The active members of the organisation among these users, as someone to send to, by user; anyone unknown,
	 * deactivated or of another organisation is absent. Read by index lookups, a hundred users a query.
	 */
	@Transactional(readOnly = true)
	public Map<UserId, Recipient> recipients(OrganisationId organisation, Collection<UserId> users) {
		var found = new HashMap<UserId, Recipient>();
		for (var recipient : memberships.recipients(organisation, users.stream().map(UserId::value).toList())) {
			found.put(recipient.userId(), recipient);
		}
		return found;
	}

	/** The person with this email acting in the organisation, if they belong to it. */
	@Transactional(readOnly = true)
	public Optional<CurrentMember> member(String email, String organisationSlug) {
		return users.findByEmail(email).flatMap(u -> accounts.switchTo(u.id(), organisationSlug));
	}
}
