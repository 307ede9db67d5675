package io.morsel.identity.security;

import io.morsel.identity.internal.Accounts;
import io.morsel.identity.internal.Accounts.SignInRefused;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
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
			return MemberAuthentication.of(accounts.signIn(email, password, null));
		}
		catch (SignInRefused refused) {
			throw switch (refused.reason()) {
				case LOCKED -> new LockedException("Too many failed sign-ins");
				case NO_ORGANISATION -> new DisabledException("No organisation");
				case BAD_CREDENTIALS -> new BadCredentialsException("Bad credentials");
			};
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
