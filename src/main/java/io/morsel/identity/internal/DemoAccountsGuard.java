package io.morsel.identity.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Refuses to start, before the server takes any request, where demo accounts are forbidden (the production
 * profile) but the database holds some: their password is published in the README.
 */
class DemoAccountsGuard implements SmartInitializingSingleton {

	private final Users users;

	DemoAccountsGuard(Users users) {
		this.users = users;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (users.anyDemoAccounts()) {
			throw new IllegalStateException("""
					This database holds Morsel's demo accounts, whose password is public. \
					Morsel does not start with them in production: use a fresh database, \
					or remove the users with demo = TRUE.""");
		}
	}
}
