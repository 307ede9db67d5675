package io.morsel.reinforcement;

import io.morsel.identity.OrganisationId;
import io.morsel.shared.InvalidValueException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's desired retention: how likely its learners should still recall a question when it falls due
 * (0.9 unless set). Reviews are scheduled with the setting at the time of the review; see docs/reinforcement.md.
 */
@Service
public class RetentionSettings {

	static final double MIN = 0.7;
	static final double MAX = 0.97;

	private final Cards cards;

	RetentionSettings(Cards cards) {
		this.cards = cards;
	}

	@Transactional(readOnly = true)
	public double desiredRetention(OrganisationId organisation) {
		return cards.desiredRetention(organisation);
	}

	/**
	 * Sets the organisation's desired retention, from 0.7 to 0.97: below, reviews come too seldom to keep much; above,
	 * so often that learners drown in them (FSRS's advice).
	 */
	@Transactional
	public double change(OrganisationId organisation, double desiredRetention) {
		if (!(desiredRetention >= MIN && desiredRetention <= MAX)) {
			throw new InvalidValueException("The desired retention is from " + MIN + " to " + MAX);
		}
		cards.desiredRetention(organisation, desiredRetention);
		return desiredRetention;
	}
}
