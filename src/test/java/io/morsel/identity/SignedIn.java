package io.morsel.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import io.morsel.identity.internal.ApiTokens;
import io.morsel.identity.security.MemberAuthentication;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs a MockMvc request in as a member, the one way tests outside identity do it: they name the member
 * ({@link Directory#member}) and never identity's security internals. A test that calls a node over HTTP as a member
 * without a password asks for their {@link #token}.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** The request, made by this member in the organisation they act in. */
	public static RequestPostProcessor as(CurrentMember member) {
		return authentication(MemberAuthentication.of(member));
	}

	/** A full API token of the member's, issued by the given node, for requests over HTTP. */
	public static String token(ApplicationContext node, CurrentMember member) {
		return node.getBean(ApiTokens.class).issue(member, "test", null, false).secret();
	}
}
