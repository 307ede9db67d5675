package io.morsel.identity.security;

import io.morsel.identity.internal.Accounts;
import io.morsel.identity.internal.Accounts.SignInRefused;
import io.morsel.identity.internal.PasswordHashing;
import io.morsel.identity.internal.SignInClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Email and password sign-in through {@link Accounts}, which counts failures and locks out after too many. */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private final Accounts accounts;

	PasswordSignIn(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var email = authentication.getName();
		var password = String.valueOf(authentication.getCredentials());
		try {
			return MemberAuthentication.of(accounts.signIn(email, password, null, client(authentication)));
		}
		catch (PasswordHashing.Busy busy) {
			throw new HashersBusy(busy.retryAfter());
		}
		catch (SignInRefused refused) {
			throw switch (refused.reason()) {
				case LOCKED -> new LockedException("Too many failed sign-ins");
				case THROTTLED -> new AddressThrottled();
				case NO_ORGANISATION -> new DisabledException("No organisation");
				case BAD_CREDENTIALS -> new BadCredentialsException("Bad credentials");
			};
		}
	}

	/** The form's client ({@link TrustedBrowsers}); any other way in counts as an unknown browser. */
	private static SignInClient client(Authentication authentication) {
		return authentication.getDetails() instanceof SignInClient client ? client : SignInClient.at("unknown");
	}

	/** Too many failed sign-ins from the client's address: answered 429, not with the sign-in page. */
	static class AddressThrottled extends AuthenticationException {

		AddressThrottled() {
			super("Too many failed sign-ins from this address");
		}
	}

	/** More sign-ins than the node checks passwords for are waiting: answered 503 with the form, to try again. */
	static class HashersBusy extends AuthenticationException {

		private final String retryAfter;

		HashersBusy(String retryAfter) {
			super("Too many sign-ins waiting for their password to be checked");
			this.retryAfter = retryAfter;
		}

		String retryAfter() {
			return retryAfter;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
