package io.morsel.web;

import io.morsel.identity.Role;
import java.util.Set;

/**
 * A link in the layout's navigation, contributed by the module whose page it opens: a bean of this type in that
 * module (learning's Today, authoring's Studio), so adding a module's page to the navigation edits no other module.
 * The layout shows, in {@code order}, the entries whose roles the member has (any one of them; no roles means every
 * signed-in member), and marks the one whose path the current page is at or under with {@code aria-current="page"}.
 *
 * @param label the message key of the link's text ({@code nav.today})
 * @param path where the link goes, an absolute path without a query ({@code /today})
 * @param roles who sees the link: a member with any of these roles; empty for every member
 * @param order where the link stands, lower first
 * @param openDirectory whether every member sees the link too once their organisation opened its directory's names
 * @param developer whether the link is a developer item (API tokens), which a learner sees only once they ask for it
 */
public record NavigationEntry(String label, String path, Set<Role> roles, int order, boolean openDirectory,
		boolean developer) {

	public NavigationEntry {
		if (label.isBlank()) {
			throw new IllegalArgumentException("A navigation entry needs a message key");
		}
		if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
			throw new IllegalArgumentException("A navigation entry's path is absolute, without a query: " + path);
		}
		roles = Set.copyOf(roles);
	}

	/** A link for members with any of these roles. */
	public static NavigationEntry forRoles(String label, String path, int order, Role... roles) {
		return new NavigationEntry(label, path, Set.of(roles), order, false, false);
	}

	/**
	 * A link for members with any of these roles, and for every member of an organisation that opened its
	 * directory's names (the directory's own link).
	 */
	public static NavigationEntry forRolesOrOpenDirectory(String label, String path, int order, Role... roles) {
		return new NavigationEntry(label, path, Set.of(roles), order, true, false);
	}

	/** A link for every signed-in member. */
	public static NavigationEntry forEveryone(String label, String path, int order) {
		return new NavigationEntry(label, path, Set.of(), order, false, false);
	}

	/**
	 * A developer item (API tokens): for members with any role beyond learner, and for learners who asked for
	 * developer items in their profile ({@link io.morsel.identity.CurrentMember#seesDeveloperItems()}).
	 */
	public static NavigationEntry forDevelopers(String label, String path, int order) {
		return new NavigationEntry(label, path, Set.of(), order, false, true);
	}

	/** Whether a member with these roles sees the link, in an organisation whose directory is closed. */
	public boolean shownTo(Set<Role> memberRoles) {
		return shownTo(memberRoles, false);
	}

	/** Whether a member with these roles sees the link, in an organisation that opened its directory or not. */
	public boolean shownTo(Set<Role> memberRoles, boolean directoryOpen) {
		return shownTo(memberRoles, directoryOpen, true);
	}

	/**
	 * Whether a member with these roles sees the link, in an organisation that opened its directory or not, when they
	 * see developer items or not.
	 */
	public boolean shownTo(Set<Role> memberRoles, boolean directoryOpen, boolean developerItems) {
		if (developer && !developerItems) {
			return false;
		}
		return roles.isEmpty() || roles.stream().anyMatch(memberRoles::contains) || (openDirectory && directoryOpen);
	}

	/** Whether a page at this path is the link's page or one below it ({@code /studio/programs} for {@code /studio}). */
	boolean leadsTo(String requestPath) {
		return requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
	}
}
