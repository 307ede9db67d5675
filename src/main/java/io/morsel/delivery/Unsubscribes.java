package io.morsel.delivery;

import io.morsel.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One-click unsubscribe (RFC 8058): a signed link turns the learner's email nudges off, without sign-in. */
@Service
public class Unsubscribes {

	private final UnsubscribeLinks links;
	private final Cadences cadences;

	Unsubscribes(UnsubscribeLinks links, Cadences cadences) {
		this.links = links;
		this.cadences = cadences;
	}

	/** Whether the link is one Morsel signed; anything else is not found. */
	@Transactional(readOnly = true)
	public void check(String token) {
		links.verify(token).orElseThrow(() -> new NotFoundException("not-found.unsubscribe-link"));
	}

	/** Turns email off for the learner the link names; doing it again changes nothing. */
	@Transactional
	public void unsubscribe(String token) {
		var subscriber = links.verify(token).orElseThrow(() -> new NotFoundException("not-found.unsubscribe-link"));
		var choices = cadences.choices(subscriber.organisationId(), subscriber.userId());
		cadences.choose(subscriber.organisationId(), subscriber.userId(),
				new Cadences.Choices(choices.paused(), choices.snoozedUntil(), choices.inApp(), false));
	}
}
