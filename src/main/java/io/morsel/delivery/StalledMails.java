package io.morsel.delivery;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Every node hands the mails of sends over again whose publications stayed incomplete for
 * {@code morsel.delivery.mail-resubmit-after}: a node that stopped after committing a batch of sends, before or while
 * mailing them, leaves its publications open, and Spring Modulith resubmits them on its own only when a node starts.
 * Two nodes resubmitting at once resubmit each publication once (the log marks it resubmitted with a conditional
 * update), and {@link EmailChannel} hands each send's mail to one node at a time (ADR 0043).
 */
@Component
class StalledMails extends RepeatingWork {

	private final IncompleteEventPublications publications;
	private final Clock clock;
	private final Duration after;
	private final Sends sends;
	private final Duration hold;

	StalledMails(IncompleteEventPublications publications, Clock clock, Sends sends,
			@Value("${morsel.delivery.mail-hold:2m}") Duration hold,
			@Value("${morsel.delivery.mail-resubmit-interval:1m}") Duration interval,
			@Value("${morsel.delivery.mail-resubmit-after:3m}") Duration after,
			@Value("${morsel.delivery.dispatch-enabled:true}") boolean enabled) {
		super("delivery-stalled-mails", interval, enabled);
		this.publications = publications;
		this.clock = clock;
		this.after = after;
		this.sends = sends;
		this.hold = hold;
	}

	@Override
	void round() {
		var before = clock.instant().minus(after);
		// A mail another node is handing over is left to it until its hold lapses.
		publications.resubmitIncompletePublications(publication -> publication.getEvent() instanceof DeliverySent sent
				&& publication.getPublicationDate().isBefore(before) && !sends.mailHeld(sent.sendId(), hold));
	}
}
