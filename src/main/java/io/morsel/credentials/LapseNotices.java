package io.morsel.credentials;

import io.morsel.identity.Directory;
import io.morsel.identity.OutboundMail;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a holder by email that the mastery behind their credential lapsed, by when to refresh it, and where: through
 * the event publication log, so a mail that could not be handed over is sent when the publication is resubmitted.
 */
@Component
class LapseNotices {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final Directory directory;
	private final OutboundMail mail;
	private final PublicLinks links;

	LapseNotices(Directory directory, OutboundMail mail, PublicLinks links) {
		this.directory = directory;
		this.mail = mail;
		this.links = links;
	}

	@ApplicationModuleListener
	void on(CredentialGraceStarted started) {
		var recipient = directory.recipient(started.organisationId(), started.holder());
		if (recipient.isEmpty()) {
			return;
		}
		var to = recipient.get();
		var by = DAY.withZone(to.zone() == null ? ZoneOffset.UTC : to.zone()).format(started.suspendAt());
		var text = """
				Hello %s,

				Your credential "%s" rests on mastery that has lapsed (%s).
				A short review brings it back: %s

				If the mastery has not returned by %s, the credential will be suspended until it does; verifiers will
				then see it as suspended. Your achievements: %s
				""".formatted(to.name(), started.achievementName(), started.reason(), links.base() + "/review", by,
				links.base() + "/achievements");
		mail.send(OutboundMail.Message.plain(to.email(), "Refresh your mastery to keep \"" + started.achievementName()
				+ "\"", text));
	}
}
