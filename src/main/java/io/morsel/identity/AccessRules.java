package io.morsel.identity;

import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * The URL rules of one module, for the pages it serves and for its API endpoints. A module declares a bean of this
 * type in its own package; identity's security configuration collects them all, in their {@code @Order}, after its
 * own rules (sign-in, administration) and before its last one: everything else needs a signed-in member. So a
 * module adds a public area or guards its role's home without editing identity.
 *
 * <p>The first rule that matches a request decides, as in Spring Security; patterns are Spring's path patterns
 * ({@code /studio/**}). Page rules apply to every path outside {@code /api/**} and {@code /actuator/**}, API rules
 * only inside them.
 *
 * <p>A role a handler would otherwise check belongs here: the rules are judged before the request's body is read, so
 * a member whose role is refused gets 403 whatever they sent, never a 400 about a body they had no right to send.
 * Where only some methods of a path need a role (anyone reads the lessons, authors write them), name the method.
 * The API's rules also decide what a read-only token may send: a write to a path they open to anyone, nothing else.
 */
public interface AccessRules {

	/** Adds this module's rules for pages (session cookie, sign-in form, CSRF tokens). */
	default void pages(Rules rules) {
	}

	/** Adds this module's rules for the API (bearer tokens, problem details). */
	default void api(Rules rules) {
	}

	/** Where a module writes its rules. */
	interface Rules {

		/** Anyone may request these paths, signed in or not. */
		Rules permitAll(String... patterns);

		/** Anyone may send this method to these paths, signed in or not. */
		Rules permitAll(HttpMethod method, String... patterns);

		/** Only members with this role in the organisation they act in may request these paths. */
		Rules requireRole(Role role, String... patterns);

		/** Only members with any of these roles in the organisation they act in may request these paths. */
		Rules requireAnyRole(Set<Role> roles, String... patterns);

		/** Only members with this role may send this method to these paths; other methods go on to the next rules. */
		Rules requireRole(HttpMethod method, Role role, String... patterns);

		/** Only members with any of these roles may send this method to these paths. */
		Rules requireAnyRole(HttpMethod method, Set<Role> roles, String... patterns);
	}
}
