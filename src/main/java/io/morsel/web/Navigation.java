package io.morsel.web;

import io.morsel.identity.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The modules' {@link NavigationEntry navigation entries}, in their order, as the layout's header shows them. */
@Component
class Navigation {

	private final List<NavigationEntry> entries;

	Navigation(List<NavigationEntry> entries) {
		this.entries = entries.stream()
			.sorted(Comparator.comparingInt(NavigationEntry::order).thenComparing(NavigationEntry::path))
			.toList();
	}

	/** The links a member with these roles sees, in order. */
	List<NavigationEntry> shownTo(Set<Role> roles) {
		return shownTo(roles, false);
	}

	/** The links a member with these roles sees, in an organisation that opened its directory or not, in order. */
	List<NavigationEntry> shownTo(Set<Role> roles, boolean directoryOpen) {
		return shownTo(roles, directoryOpen, true);
	}

	/** The links a member sees, as above, with or without developer items (API tokens), in order. */
	List<NavigationEntry> shownTo(Set<Role> roles, boolean directoryOpen, boolean developerItems) {
		return entries.stream().filter(entry -> entry.shownTo(roles, directoryOpen, developerItems)).toList();
	}

	/**
	 * The path of the link among these that leads to the page at this path (the longest, when several do), or the
	 * empty string when none does.
	 */
	static String current(List<NavigationEntry> shown, String requestPath) {
		return shown.stream()
			.filter(entry -> entry.leadsTo(requestPath))
			.map(NavigationEntry::path)
			.max(Comparator.comparingInt(String::length))
			.orElse("");
	}
}
