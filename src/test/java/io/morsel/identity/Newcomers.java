package io.morsel.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * People the tests create for themselves, through a real invitation, so that no test locks, renames or re-roles a
 * demo account that other tests (and the browser journeys) sign in with.
 */
public final class Newcomers {

	public static final String PASSWORD = "correct horse battery";

	private Newcomers() {
	}

	/** An address nobody else uses, at a demo organisation's domain. */
	public static String email(String who, String domain) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
	}

	/** Invites the email to the admin's organisation and accepts as a newcomer with {@link #PASSWORD}. */
	public static void join(int port, String admin, String email, String name, String... roles) {
		var invited = Browser.signedIn(port, admin, "morsel-demo")
			.post("/admin/invitations", Map.of("email", email, "roles", List.of(roles)));
		if (!"/admin".equals(invited.location())) {
			throw new IllegalStateException("Invitation of " + email + " refused: " + invited);
		}
		var link = Mailbox.of(email).link("/invitations/");
		var joined = new Browser(port).post(link,
				Map.of("name", name, "password", PASSWORD, "confirmation", PASSWORD, "timeZone", "UTC"));
		if (!"/".equals(joined.location())) {
			throw new IllegalStateException("Invitation of " + email + " not accepted: " + joined);
		}
	}
}
