package io.morsel.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a member may do in an organisation; a member holds one or more. */
public enum Role {

	LEARNER, AUTHOR, MANAGER, ADMIN;

	/** The Spring Security authority granted for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Parses a comma-separated list such as {@code "LEARNER,AUTHOR"}, as stored and as sent by forms. */
	public static Set<Role> parseAll(String roles) {
		var parsed = Arrays.stream(roles.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(s -> Role.valueOf(s.toUpperCase(java.util.Locale.ROOT)))
			.collect(Collectors.toSet());
		return parsed.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(parsed);
	}

	public static String joinAll(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}
}
