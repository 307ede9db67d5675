package io.morsel.identity.security;

import io.morsel.identity.AccessRules;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.FrameOrigins;
import io.morsel.identity.Role;
import io.morsel.identity.SameOriginFrame;
import io.morsel.identity.internal.AccessRevocations;
import io.morsel.identity.internal.ApiTokens;
import io.morsel.identity.internal.Throttles;
import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Two filter chains: the API ({@code /api/**}, {@code /actuator/**}) is stateless, authenticated by bearer tokens and
 * answers with problem details; every page uses a signed session cookie ({@link SignedSessions}), a sign-in form and
 * CSRF tokens. Each chain takes identity's own rules first, then those the modules declare ({@link AccessRules}), and
 * last requires a signed-in member for everything else.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Morsel uses none of these browser features; a page that asks for one was not written by us. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
			+ "display-capture=(), browsing-topics=(), interest-cohort=()";

	/**
	 * No observation (timer, span) per security filter, authentication and authorization, and no decorator around
	 * each filter to make them: they cost about a twentieth of a signed-in page and say little that the request's own
	 * observation does not.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccessRevocations revocations,
			ProblemResponses problems, MessageSource messages, ObjectProvider<AccessRules> modules) throws Exception {
		return http.securityMatcher("/api/**", "/actuator/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// Nothing of the API signs out through /logout or asks the servlet request who is signed in (controllers
			// take the CurrentMember): two filters, and a request wrapper every attribute goes through, saved per call.
			.logout(logout -> logout.disable())
			.servletApi(servletApi -> servletApi.disable())
			.addFilterBefore(new BearerTokens(tokens, revocations, problems), BasicAuthenticationFilter.class)
			// Every rule but those open to anyone also refuses a read-only token's writes (ReadOnlyScope).
			.authorizeHttpRequests(requests -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
					.requestMatchers(HttpMethod.POST, "/api/v1/tokens").permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
					.requestMatchers("/actuator/**")
					.access(ReadOnlyScope.guard(AuthorityAuthorizationManager.hasRole("ADMIN")));
				CollectedAccessRules.api(ordered(modules), requests, ReadOnlyScope::guard);
				requests.anyRequest().access(ReadOnlyScope.guard(AuthenticatedAuthorizationManager.authenticated()));
			})
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, e) -> {
					response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
					problems.write(request, response, 401, ProblemTypes.UNAUTHENTICATED,
							"problem.title.unauthenticated",
							"Send a personal access token as 'Authorization: Bearer <token>'.");
				})
				.accessDeniedHandler((request, response, e) -> {
					if (ReadOnlyScope.refuses(SecurityContextHolder.getContext().getAuthentication(), request)) {
						problems.write(request, response, 403, ProblemTypes.FORBIDDEN, "problem.title.read-only-token",
								text(messages, "identity.refused.token-read-only"));
						return;
					}
					problems.write(request, response, 403, ProblemTypes.FORBIDDEN, "problem.title.forbidden",
							refusal(messages, request.getAttribute(CollectedAccessRules.REQUIRED_ROLES)));
				}))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SignedSessions sessions, SessionCsrfTokens csrfTokens,
			TrustedBrowsers browsers, Throttles throttles, FrameOrigins frameOrigins, ObjectProvider<AccessRules> modules)
			throws Exception {
		var requestCache = new CookieRequestCache();
		return http.securityContext(context -> context.securityContextRepository(sessions))
			.addFilterBefore(new SessionFilter(sessions), SecurityContextHolderFilter.class)
			// No server-side HTTP session: the signed cookie, the CSRF token, the page to return to after sign-in
			// and flash messages are all cookies (ADR 0004).
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.requestCache(cache -> cache.requestCache(requestCache))
			.authorizeHttpRequests(requests -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
					.requestMatchers("/sign-in", "/sign-in/throttled", "/sign-in/busy", "/password/**", "/invitations/**").permitAll()
					.requestMatchers("/admin", "/admin/**").hasRole("ADMIN");
				CollectedAccessRules.pages(ordered(modules), requests);
				requests.anyRequest().authenticated();
			})
			.formLogin(form -> form.loginPage("/sign-in")
				.usernameParameter("email")
				.passwordParameter("password")
				.authenticationDetailsSource(browsers)
				.successHandler(trusting(browsers, requestCache))
				.failureHandler(failures(throttles))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
			// Links out of Morsel carry the origin only: a path may name a lesson, a reset link carries a secret.
			.headers(headers -> headers.addHeaderWriter(new ContentSecurityPolicy(frameOrigins))
				// Spring's own writer sets DENY on every page; ours lets a page ask for its own site's frames.
				.frameOptions(frames -> frames.disable())
				.addHeaderWriter((request, response) -> response.setHeader("X-Frame-Options",
						SameOriginFrame.allowed(request) ? "SAMEORIGIN" : "DENY"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
			.build();
	}

	/** Back to the page that asked for sign-in (or home), from now on a trusted browser of the member. */
	private static AuthenticationSuccessHandler trusting(TrustedBrowsers browsers, CookieRequestCache requestCache) {
		var back = new SavedRequestAwareAuthenticationSuccessHandler();
		back.setDefaultTargetUrl("/");
		back.setRequestCache(requestCache);
		return (request, response, authentication) -> {
			if (authentication.getPrincipal() instanceof CurrentMember member) {
				browsers.trust(member, request, response);
			}
			back.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Back to the form with the reason; too many failures from the client's address answer 429 with the form and
	 * the reason, at once.
	 */
	private static AuthenticationFailureHandler failures(Throttles throttles) {
		var back = new ExceptionMappingAuthenticationFailureHandler();
		back.setDefaultFailureUrl("/sign-in?error=credentials");
		// The form reads the reason from the address; kept in an HTTP session, it would make one (and a JSESSIONID)
		// on a node that keeps no sessions.
		back.setAllowSessionCreation(false);
		back.setExceptionMappings(Map.of(LockedException.class.getName(), "/sign-in?error=locked",
				DisabledException.class.getName(), "/sign-in?error=no-organisation"));
		return (request, response, exception) -> {
			if (exception instanceof PasswordSignIn.HashersBusy busy) {
				// More sign-ins than the node checks passwords for are waiting: the form again, at once, to be sent
				// again in a moment.
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, busy.retryAfter());
				request.getRequestDispatcher("/sign-in/busy").forward(request, response);
				return;
			}
			if (!(exception instanceof PasswordSignIn.AddressThrottled)) {
				back.onAuthenticationFailure(request, response, exception);
				return;
			}
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER,
					String.valueOf(throttles.signIn().lockout().toSeconds()));
			request.getRequestDispatcher("/sign-in/throttled").forward(request, response);
		};
	}

	/** Why a member was refused: the roles the rule needs, by their names, and who can give them. */
	private static String refusal(MessageSource messages, @Nullable Object required) {
		if (!(required instanceof Set<?> roles) || roles.isEmpty()) {
			return text(messages, "identity.refused.roles-do-not-allow");
		}
		var names = roles.stream()
			.map(role -> text(messages, "role." + ((Role) role).name()))
			.sorted()
			.collect(Collectors.joining(", "));
		return messages.getMessage(roles.size() == 1 ? "identity.refused.one-role-required"
				: "identity.refused.a-role-required", new Object[] { names }, LocaleContextHolder.getLocale());
	}

	private static String text(MessageSource messages, String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	private static List<AccessRules> ordered(ObjectProvider<AccessRules> modules) {
		return modules.orderedStream().toList();
	}
}
