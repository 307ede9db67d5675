package io.morsel.identity.security;

import io.morsel.identity.CurrentMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import java.util.ArrayList;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds the authentication of a member and replaces the one of the signed session (organisation switch, profile
 * edit).
 */
@Component
public class MemberAuthentication {

	private final SignedSessions contexts;

	MemberAuthentication(SignedSessions contexts) {
		this.contexts = contexts;
	}

	public static Authentication of(CurrentMember member) {
		var authorities = member.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
	}

	/** The member as a read-only token presents them: their roles, for reads only ({@link ReadOnlyScope}). */
	static Authentication readOnly(CurrentMember member) {
		var authorities = new ArrayList<GrantedAuthority>();
		member.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
		authorities.add(new SimpleGrantedAuthority(ReadOnlyScope.AUTHORITY));
		return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
	}

	public void replace(CurrentMember member, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(of(member));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/** Ends every other session of the signed-in person (after a password change); this one goes on. */
	public void endOtherSessions(HttpServletRequest request) {
		contexts.endOthers(request);
	}
}
