package io.morsel.identity.security;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.identity.internal.AccessRevocations;
import io.morsel.identity.internal.ActiveMembers;
import io.morsel.identity.internal.SigningKeys;
import io.morsel.identity.internal.WebSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Browser sessions as signed cookies (ADR 0004). The cookie {@value #COOKIE} is a JWT signed with HMAC-SHA256 by a key
 * every node shares: the session's id, the person, the organisation they act in, and when the session was last
 * checked. A node trusts a valid cookie for {@code morsel.sessions.recheck} after that check; then it checks the
 * session's row (signed out? ended by a password change? idle too long?) and signs a fresh cookie; at once, when the
 * person's access was taken away on any node since ({@link AccessRevocations}). So a signed-in
 * request reads nothing from the database but the member (cached the same way), and any node serves any request.
 */
@Component
public class SignedSessions implements SecurityContextRepository {

	static final String COOKIE = "MORSEL_SESSION";
	private static final String CURRENT = SignedSessions.class.getName() + ".current";
	private static final String ORGANISATION = "org";

	/** The session a request belongs to, once its cookie was verified. */
	record Session(UUID id, CurrentMember member) {
	}

	private final WebSessions sessions;
	private final ActiveMembers members;
	private final AccessRevocations revocations;
	private final Cookies cookies;
	private final Clock clock;
	private final Duration recheck;
	private final MACSigner signer;
	private final MACVerifier verifier;
	/**
	 * Cookies already verified, for as long as they go unchecked: a browser sends the same cookie with every request
	 * of that time, and its signature is verified once.
	 */
	private final Cache<String, Optional<Claims>> verified;

	SignedSessions(WebSessions sessions, ActiveMembers members, AccessRevocations revocations, SigningKeys keys,
			Cookies cookies, Clock clock, @Value("${morsel.sessions.recheck}") Duration recheck, Caches caches)
			throws JOSEException {
		this.sessions = sessions;
		this.members = members;
		this.revocations = revocations;
		this.cookies = cookies;
		this.clock = clock;
		this.recheck = recheck;
		var key = keys.key("session-cookie");
		this.signer = new MACSigner(key);
		this.verifier = new MACVerifier(key);
		this.verified = caches.named("verified-session-cookies");
	}

	/** The verified session of this request, if it has one. */
	static @Nullable Session current(HttpServletRequest request) {
		return (Session) request.getAttribute(CURRENT);
	}

	/**
	 * Reads the request's cookie once, before Spring Security looks for the signed-in member: a valid one becomes the
	 * request's session; one due for a check is checked and signed afresh; anything else is cleared.
	 */
	void resolve(HttpServletRequest request, HttpServletResponse response) {
		var values = cookies.readAll(request, COOKIE);
		if (!values.isEmpty()) {
			revocations.catchUp();
		}
		for (var value : values) {
			var session = verify(value, request, response);
			if (session != null) {
				request.setAttribute(CURRENT, session);
				return;
			}
		}
		if (!values.isEmpty()) {
			cookies.clear(request, response, COOKIE);
		}
	}

	/** What a cookie says, once its signature is verified. */
	private record Claims(UUID id, UserId user, OrganisationId organisation, Instant checked) {
	}

	private @Nullable Session verify(String value, HttpServletRequest request, HttpServletResponse response) {
		var claims = verified.get(value, this::claims).orElse(null);
		if (claims == null) {
			return null;
		}
		var id = claims.id();
		var user = claims.user();
		var checked = claims.checked();
		if (sessions.endedHere(id)) {
			return null;
		}
		var now = clock.instant();
		var due = checked.isBefore(now.minus(recheck)) || checked.isAfter(now.plusSeconds(60))
				|| revocations.revokedSince(user, checked);
		if (due && !sessions.touch(id, user, now)) {
			return null;
		}
		var member = members.find(user, claims.organisation());
		if (due) {
			member.ifPresent(m -> issue(id, m, request, response));
		}
		return member.map(m -> new Session(id, m)).orElse(null);
	}

	/** The claims of a cookie signed with this key; empty when it is not one. */
	private Optional<Claims> claims(String value) {
		try {
			var jwt = SignedJWT.parse(value);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
				return Optional.empty();
			}
			var claims = jwt.getJWTClaimsSet();
			return Optional.of(new Claims(UUID.fromString(claims.getJWTID()),
					new UserId(UUID.fromString(claims.getSubject())),
					new OrganisationId(UUID.fromString(claims.getStringClaim(ORGANISATION))),
					claims.getIssueTime().toInstant()));
		}
		catch (ParseException | JOSEException | RuntimeException e) {
			return Optional.empty();
		}
	}

	private void issue(UUID id, CurrentMember member, HttpServletRequest request, HttpServletResponse response) {
		var claims = new JWTClaimsSet.Builder().jwtID(id.toString())
			.subject(member.userId().value().toString())
			.claim(ORGANISATION, member.organisationId().value().toString())
			.issueTime(Date.from(clock.instant()))
			.build();
		var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException e) {
			throw new IllegalStateException("HMAC-SHA256 with a 256-bit key cannot fail", e);
		}
		cookies.write(request, response, COOKIE, jwt.serialize(), null);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		var session = current(request);
		return new DeferredSecurityContext() {

			@Override
			public SecurityContext get() {
				var context = SecurityContextHolder.createEmptyContext();
				if (session != null) {
					context.setAuthentication(MemberAuthentication.of(session.member()));
				}
				return context;
			}

			@Override
			public boolean isGenerated() {
				return session == null;
			}
		};
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	/**
	 * Signs a member in (a new session), switches the session's organisation or refreshes its member, or, given no
	 * member, signs out: the session's row is deleted, so no copy of the cookie works after the next check.
	 */
	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		var authentication = context.getAuthentication();
		var current = current(request);
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentMember member)) {
			if (current != null) {
				sessions.end(current.id());
				request.removeAttribute(CURRENT);
				cookies.clear(request, response, COOKIE);
			}
			return;
		}
		UUID id;
		if (current != null && current.member().userId().equals(member.userId())) {
			id = current.id();
			if (!current.member().organisationId().equals(member.organisationId())) {
				sessions.moveTo(id, member.organisationId());
			}
		}
		else {
			if (current != null) {
				sessions.end(current.id());
			}
			id = sessions.start(member.userId(), member.organisationId());
		}
		members.put(member);
		request.setAttribute(CURRENT, new Session(id, member));
		issue(id, member, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return current(request) != null;
	}

	/** After a password change: every other session of the person ends. */
	void endOthers(HttpServletRequest request) {
		var current = current(request);
		if (current != null) {
			sessions.endAllBut(current.member().userId(), current.id());
		}
	}
}
