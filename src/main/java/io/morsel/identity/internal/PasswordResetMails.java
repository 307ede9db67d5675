package io.morsel.identity.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends reset mails outside the request that asked for them: after its commit, on the task executor's threads, so
 * neither the answer nor its timing depends on whether an account exists or how long the mail server takes.
 */
@Component
class PasswordResetMails {

	private final PasswordResets resets;

	PasswordResetMails(PasswordResets resets) {
		this.resets = resets;
	}

	/**
	 * Run again after a restart (an unfinished publication), a request may mail a second link: within the same
	 * limits, which count it again.
	 */
	@ApplicationModuleListener
	void on(PasswordResetRequested requested) {
		resets.send(requested);
	}
}
