package io.morsel.delivery;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The signed links behind a review question's option buttons in Teams, whose workflow cards can open links but not
 * call back: each names the learner, the card, this showing of it and the option, signed with the cluster's key of
 * the unsubscribe links under a prefix of its own (so neither kind of token passes for the other). Holding the link
 * answers for that learner, as the mail's unsubscribe link does; it cannot be made for another learner, card or
 * option.
 */
@Component
class AnswerLinks {

	private static final String PREFIX = "review-answer|";
	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** What a valid link names. */
	record Answer(OrganisationId organisationId, UserId learner, UUID cardId, UUID reviewItemId, String optionId) {
	}

	private final UnsubscribeLinks keys;

	AnswerLinks(UnsubscribeLinks keys) {
		this.keys = keys;
	}

	String token(Answer answer) {
		var text = String.join("|", answer.organisationId().value().toString(), answer.learner().value().toString(),
				answer.cardId().toString(), answer.reviewItemId().toString(), answer.optionId());
		var bytes = text.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
	}

	Optional<Answer> verify(String token) {
		var parts = token.split("\\.");
		if (parts.length != 2) {
			return Optional.empty();
		}
		try {
			var bytes = DECODER.decode(parts[0]);
			if (!MessageDigest.isEqual(mac(bytes), DECODER.decode(parts[1]))) {
				return Optional.empty();
			}
			var fields = new String(bytes, StandardCharsets.UTF_8).split("\\|", 5);
			if (fields.length != 5) {
				return Optional.empty();
			}
			return Optional.of(new Answer(new OrganisationId(UUID.fromString(fields[0])),
					new UserId(UUID.fromString(fields[1])), UUID.fromString(fields[2]), UUID.fromString(fields[3]),
					fields[4]));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] bytes) {
		var prefix = PREFIX.getBytes(StandardCharsets.UTF_8);
		var input = new byte[prefix.length + bytes.length];
		System.arraycopy(prefix, 0, input, 0, prefix.length);
		System.arraycopy(bytes, 0, input, prefix.length, bytes.length);
		return keys.mac(input);
	}
}
